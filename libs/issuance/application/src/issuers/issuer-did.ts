/** Makes the did:web DID of a new issuer, e.g. `did:web:credstream.example:issuers:<issuerId>`. */
export type IssuerDidFactory = (issuerId: string) => string;

export const ISSUER_DID_FACTORY = Symbol('ISSUER_DID_FACTORY');

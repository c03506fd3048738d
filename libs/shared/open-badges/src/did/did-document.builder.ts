export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const JWS_2020_CONTEXT = 'https://w3id.org/security/suites/jws-2020/v1';

export type PublicJwk = Record<string, unknown> & { kty: string };

export interface DidDocumentKey {
  /** Fragment, e.g. `key-1`; the verification method id is `<did>#key-1`. */
  id: string;
  publicKeyJwk: PublicJwk;
}

export interface VerificationMethod {
  id: string;
  type: 'JsonWebKey2020';
  controller: string;
  publicKeyJwk: PublicJwk;
}

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
  authentication: string[];
}

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

export function verificationMethodId(did: string, fragment: string): string {
  return `${did}#${fragment}`;
}

/**
 * A DID document whose keys are `JsonWebKey2020` verification methods with `publicKeyJwk`, every one listed in
 * `assertionMethod` (credentials) and `authentication`. JsonWebKey2020 rather than the newer `JsonWebKey`
 * because did-jwt 8 and most resolvers match only the former. Retired keys stay listed so old credentials verify.
 */
export function buildDidDocument(input: { did: string; keys: readonly DidDocumentKey[] }): DidDocument {
  const ids = new Set<string>();
  const methods = input.keys.map((key): VerificationMethod => {
    if (key.id.length === 0 || /[#?/]/.test(key.id)) throw new RangeError(`invalid key fragment: ${key.id}`);
    const leaked = PRIVATE_JWK_MEMBERS.filter((member) => member in key.publicKeyJwk);
    if (leaked.length > 0) throw new RangeError(`publicKeyJwk of ${key.id} carries private members`);
    const id = verificationMethodId(input.did, key.id);
    if (ids.has(id)) throw new RangeError(`duplicate key fragment: ${key.id}`);
    ids.add(id);
    return { id, type: 'JsonWebKey2020', controller: input.did, publicKeyJwk: { ...key.publicKeyJwk } };
  });
  return {
    '@context': [DID_V1_CONTEXT, JWS_2020_CONTEXT],
    id: input.did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
    authentication: methods.map((m) => m.id),
  };
}

export const ISSUER_AGGREGATE = 'issuer';
export const issuerStreamId = (issuerId: string): string => `issuer-${issuerId}`;

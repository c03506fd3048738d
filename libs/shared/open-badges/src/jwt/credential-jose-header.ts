import type { CredentialJoseHeader } from './jwt-proof.types';

/** Algorithms credstream signs with; the 1EdTech validator accepts RS256 and ES256 for JWTs. */
export type CredentialSigningAlgorithm = 'ES256' | 'RS256' | 'EdDSA';

/** The JOSE header of a credential JWT: exactly alg, kid (a verification method id) and typ "JWT". */
export function credentialJoseHeader(alg: CredentialSigningAlgorithm, kid: string): CredentialJoseHeader {
  return { alg, kid, typ: 'JWT' };
}

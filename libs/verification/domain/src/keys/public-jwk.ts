/** A public JSON Web Key. */
export interface PublicJwk {
  kty: string;
  [member: string]: unknown;
}

/** Members that make a JWK private; a key carrying any of them is refused rather than used. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];

/** Members that identify the public key itself (RFC 7638 thumbprint members of EC, RSA and OKP keys). */
const KEY_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'];

export function isPublicJwk(value: unknown): value is PublicJwk {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const jwk = value as Record<string, unknown>;
  return typeof jwk['kty'] === 'string' && !PRIVATE_MEMBERS.some((member) => member in jwk);
}

/** Whether two JWKs are the same public key, whatever metadata (kid, alg, use) they carry. */
export function sameKey(left: PublicJwk, right: PublicJwk): boolean {
  return KEY_MEMBERS.every((member) => left[member] === right[member]);
}

import { isPublicJwk, type PublicJwk } from '@credstream/verification/domain';

export type MethodLookup =
  { ok: true; jwk: PublicJwk } | { ok: false; code: 'KEY_NOT_FOUND' | 'KEY_UNSUITABLE'; message: string };

/**
 * The `publicKeyJwk` of the verification method `kid` of a DID document, which must also be listed (by reference
 * or embedded) in `assertionMethod`: a key only for authentication must not sign credentials. Ids may be absolute
 * or relative (`#key-1`) to the DID.
 */
export function assertionKeyOf(document: Record<string, unknown>, did: string, kid: string): MethodLookup {
  const absolute = (id: unknown) => (typeof id === 'string' && id.startsWith('#') ? `${did}${id}` : id);
  const assertion = asArray(document['assertionMethod']);
  const methods = [...asArray(document['verificationMethod']), ...assertion].filter(isObject);
  const method = methods.find((m) => absolute(m['id']) === kid);
  if (!method) return { ok: false, code: 'KEY_NOT_FOUND', message: `the DID document of ${did} has no method ${kid}` };
  const listed = assertion.some((entry) => absolute(isObject(entry) ? entry['id'] : entry) === kid);
  if (!listed) {
    return { ok: false, code: 'KEY_NOT_FOUND', message: `${kid} is not an assertionMethod of ${did}` };
  }
  const jwk = method['publicKeyJwk'];
  if (!isPublicJwk(jwk)) {
    return { ok: false, code: 'KEY_UNSUITABLE', message: `${kid} has no public \`publicKeyJwk\`` };
  }
  return { ok: true, jwk };
}

/** The JWK at an https `kid`: the document itself, or the JWKS member whose `kid` is the URL or its fragment. */
export function jwkAt(document: Record<string, unknown>, kid: string): MethodLookup {
  if (typeof document['kty'] === 'string') {
    return isPublicJwk(document)
      ? { ok: true, jwk: document }
      : { ok: false, code: 'KEY_UNSUITABLE', message: `${kid} is not a public JWK` };
  }
  const fragment = kid.includes('#') ? kid.slice(kid.indexOf('#') + 1) : undefined;
  const key = asArray(document['keys'])
    .filter(isObject)
    .find((k) => k['kid'] === kid || (fragment !== undefined && k['kid'] === fragment));
  if (!key) return { ok: false, code: 'KEY_NOT_FOUND', message: `no key ${kid} at its URL` };
  return isPublicJwk(key)
    ? { ok: true, jwk: key }
    : { ok: false, code: 'KEY_UNSUITABLE', message: `${kid} is not a public JWK` };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

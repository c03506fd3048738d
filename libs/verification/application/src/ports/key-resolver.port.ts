import type { Failure, PublicJwk } from '@credstream/verification/domain';

export type KeyResolutionFailureCode =
  'KEY_NOT_FOUND' | 'KEY_UNSUITABLE' | 'DID_METHOD_UNSUPPORTED' | 'DID_UNRESOLVABLE' | 'ADDRESS_NOT_ALLOWED';

export type KeyResolution = { ok: true; jwk: PublicJwk } | { ok: false; failure: Failure<KeyResolutionFailureCode> };

/**
 * Dereferences a `kid` the domain cannot resolve by itself: a did:web verification method (its DID document over
 * HTTPS, cached, with SSRF limits) or an https URL that returns a JWK. did:key, did:jwk and header `jwk` never
 * reach it. Unknown DID methods answer DID_METHOD_UNSUPPORTED.
 */
export interface KeyResolver {
  resolve(kid: string): Promise<KeyResolution>;
}

export const KEY_RESOLVER = Symbol('KEY_RESOLVER');

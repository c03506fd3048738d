import { splitDidUrl } from '@credstream/open-badges';
import type { Failure } from '../checks/check-result';
import { selfDescribedKey } from './local-key.resolver';
import { isPublicJwk, sameKey, type PublicJwk } from './public-jwk';

/** Where the JOSE header says the verification key is. */
export type KeyReference = { kind: 'kid'; kid: string } | { kind: 'jwk'; jwk: PublicJwk };

/**
 * The key the header points to: `kid` (a DID URL or an https URL; a bare `#fragment` is taken relative to the
 * issuer DID), else an embedded `jwk`. A `kid` wins over a `jwk`: the embedded key is only the signer's claim.
 */
export function keyReferenceOf(
  header: Record<string, unknown>,
  issuerId: string | undefined,
): { ok: true; reference: KeyReference } | { ok: false; failure: Failure } {
  const { kid, jwk } = header;
  if (typeof kid === 'string' && kid.length > 0) {
    const absolute = kid.startsWith('#') && issuerId?.startsWith('did:') ? `${issuerId}${kid}` : kid;
    return { ok: true, reference: { kind: 'kid', kid: absolute } };
  }
  if (jwk !== undefined) {
    if (!isPublicJwk(jwk)) {
      return { ok: false, failure: { code: 'KEY_UNSUITABLE', message: 'the header `jwk` is not a public JWK' } };
    }
    return { ok: true, reference: { kind: 'jwk', jwk } };
  }
  return { ok: false, failure: { code: 'KEY_NOT_FOUND', message: 'the JOSE header has neither `kid` nor `jwk`' } };
}

/**
 * The key must belong to the issuer, or anyone could sign a credential naming a university as its issuer:
 * a DID URL `kid` must be under the issuer DID; an https `kid` on the issuer's https origin; an embedded `jwk`
 * must be the key the issuer's own did:jwk or did:key encodes.
 */
export function checkKeyBinding(reference: KeyReference, issuerId: string | undefined): Failure | undefined {
  if (issuerId === undefined) return mismatch('the credential names no issuer id to bind the key to');
  if (reference.kind === 'jwk') {
    const issuerKey = selfDescribedKey(issuerId);
    return issuerKey?.ok && sameKey(issuerKey.jwk, reference.jwk)
      ? undefined
      : mismatch('an embedded `jwk` is accepted only when the issuer is its did:jwk or did:key');
  }
  const { kid } = reference;
  if (kid.startsWith('did:')) {
    return splitDidUrl(kid).did === issuerId
      ? undefined
      : mismatch(`the key ${kid} is not under the issuer ${issuerId}`);
  }
  const kidOrigin = httpsOrigin(kid);
  if (kidOrigin === undefined) return mismatch('the `kid` is neither a DID URL nor an https URL');
  return kidOrigin === httpsOrigin(issuerId) ? undefined : mismatch(`the key ${kid} is not on the issuer's origin`);
}

function httpsOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

const mismatch = (message: string): Failure => ({ code: 'KEY_ISSUER_MISMATCH', message });

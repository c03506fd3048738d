import { p256JwkFromDidKey, splitDidUrl } from '@credstream/open-badges';
import type { Failure } from '../checks/check-result';
import { decodeBase58btc } from './base58btc';
import type { KeyReference } from './key-reference';
import { isPublicJwk, type PublicJwk } from './public-jwk';

export type SelfDescribedKey = { ok: true; jwk: PublicJwk } | { ok: false; failure: Failure };

/** Multicodec `ed25519-pub` (0xed) as an unsigned varint. */
const ED25519_PUB_PREFIX = [0xed, 0x01];

/**
 * The key a did:jwk or did:key carries in the identifier itself, or undefined for any other DID or URL:
 * those need no network, so they never reach the key resolver port.
 */
export function selfDescribedKey(didUrl: string): SelfDescribedKey | undefined {
  const { did } = splitDidUrl(didUrl);
  if (did.startsWith('did:jwk:')) return fromDidJwk(did);
  if (did.startsWith('did:key:')) return fromDidKey(did);
  return undefined;
}

export type LocalKeyResolution =
  | { kind: 'resolved'; jwk: PublicJwk }
  | { kind: 'failed'; failure: Failure }
  /** did:web, an https `kid` or another DID method: the key resolver port decides. */
  | { kind: 'remote'; kid: string };

export function resolveKeyLocally(reference: KeyReference): LocalKeyResolution {
  if (reference.kind === 'jwk') return { kind: 'resolved', jwk: reference.jwk };
  const own = selfDescribedKey(reference.kid);
  if (own === undefined) return { kind: 'remote', kid: reference.kid };
  return own.ok ? { kind: 'resolved', jwk: own.jwk } : { kind: 'failed', failure: own.failure };
}

function fromDidJwk(did: string): SelfDescribedKey {
  let jwk: unknown;
  try {
    jwk = JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8'));
  } catch {
    return notFound('the did:jwk does not decode to JSON');
  }
  return isPublicJwk(jwk) ? { ok: true, jwk } : notFound('the did:jwk is not a public JWK');
}

function fromDidKey(did: string): SelfDescribedKey {
  if (did.startsWith('did:key:zDn')) {
    try {
      return { ok: true, jwk: { ...p256JwkFromDidKey(did) } };
    } catch (error) {
      return notFound((error as Error).message);
    }
  }
  const bytes = did.startsWith('did:key:z') ? decodeBase58btc(did.slice('did:key:z'.length)) : undefined;
  if (bytes === undefined) return notFound('the did:key is not multibase base58btc');
  if (bytes.length === 34 && bytes[0] === ED25519_PUB_PREFIX[0] && bytes[1] === ED25519_PUB_PREFIX[1]) {
    return { ok: true, jwk: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(2)).toString('base64url') } };
  }
  return {
    ok: false,
    failure: { code: 'KEY_UNSUITABLE', message: 'the did:key is neither a P-256 nor an Ed25519 key' },
  };
}

const notFound = (message: string): SelfDescribedKey => ({ ok: false, failure: { code: 'KEY_NOT_FOUND', message } });

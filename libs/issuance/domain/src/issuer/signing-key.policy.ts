import { isBlank } from '../common/domain-guards';
import type { NewSigningKey } from './issuer.commands';
import { ISSUER_ERROR_CODES as CODES, IssuerError } from './issuer.errors';
import { SIGNING_ALGORITHMS, type PublicJwk, type SigningAlgorithm, type SigningKeyAddedData } from './issuer.events';

const FRAGMENT = /^[A-Za-z0-9._-]+$/;
/** JWK members that only private (or symmetric) keys have (RFC 7517/7518). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
/** What a private key looks like if a caller passes one where the sealed reference belongs. */
const PLAINTEXT_KEY = /PRIVATE KEY|"d"\s*:/;

/** Validates a key the vault created and names it `<did>#<fragment>`. */
export function signingKeyAdded(issuerId: string, did: string, key: NewSigningKey): SigningKeyAddedData {
  if (!FRAGMENT.test(key.fragment)) {
    throw new IssuerError(CODES.keyIdInvalid, `"${key.fragment}" is not a valid key fragment`, { field: 'fragment' });
  }
  if (!(SIGNING_ALGORITHMS as readonly string[]).includes(key.alg)) {
    throw new IssuerError(CODES.keyAlgorithmUnsupported, `unsupported algorithm ${key.alg}`, {
      field: 'alg',
      allowed: SIGNING_ALGORITHMS,
    });
  }
  if (typeof key.publicJwk['kty'] !== 'string' || PRIVATE_MEMBERS.some((member) => member in key.publicJwk)) {
    throw new IssuerError(CODES.keyNotPublic, 'publicJwk must be a public JWK without private members', {
      field: 'publicJwk',
    });
  }
  if (isBlank(key.keyRef) || PLAINTEXT_KEY.test(key.keyRef)) {
    throw new IssuerError(CODES.keyRefInvalid, 'keyRef must be the opaque reference the key vault returned', {
      field: 'keyRef',
    });
  }
  return {
    issuerId,
    kid: `${did}#${key.fragment}`,
    alg: key.alg as SigningAlgorithm,
    publicKeyJwk: { ...key.publicJwk } as PublicJwk,
    keyRef: key.keyRef,
  };
}

import type { SigningKeyAlgorithm } from '@credstream/issuance/application';
import { SigningKeyVaultError } from './signing-key-vault.error';

/** What a keyRef of the local vault holds: the private key encrypted under a data key wrapped by the master key. */
export interface SealedSigningKey {
  version: 1;
  keyId: string;
  alg: SigningKeyAlgorithm;
  masterKeyId: string;
  /** base64url of iv (12) ‖ AES-256-GCM(masterKey, dataKey) (32) ‖ tag (16), AAD = keyId. */
  wrappedKey: string;
  /** base64url iv and tag of the private key encryption under the data key. */
  iv: string;
  tag: string;
  /** base64url AES-256-GCM(dataKey, PKCS#8 DER private key). */
  ciphertext: string;
}

const PREFIX = 'csk1.';
const ALGORITHMS: readonly SigningKeyAlgorithm[] = ['ES256', 'RS256', 'EdDSA'];

export function encodeKeyRef(sealed: SealedSigningKey): string {
  return `${PREFIX}${Buffer.from(JSON.stringify(sealed), 'utf8').toString('base64url')}`;
}

export function decodeKeyRef(keyRef: string): SealedSigningKey {
  if (typeof keyRef !== 'string' || !keyRef.startsWith(PREFIX)) {
    throw new SigningKeyVaultError('malformed_key_ref', 'not a local vault keyRef');
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(keyRef.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw new SigningKeyVaultError('malformed_key_ref', 'keyRef does not decode');
  }
  const sealed = value as Partial<SealedSigningKey>;
  if (!sealed || typeof sealed !== 'object')
    throw new SigningKeyVaultError('malformed_key_ref', 'keyRef is not an object');
  if (sealed.version !== 1)
    throw new SigningKeyVaultError('unsupported_version', `unsupported keyRef version ${String(sealed.version)}`);
  if (!ALGORITHMS.includes(sealed.alg as SigningKeyAlgorithm)) {
    throw new SigningKeyVaultError('unsupported_algorithm', `unsupported algorithm ${String(sealed.alg)}`);
  }
  for (const field of ['keyId', 'masterKeyId', 'wrappedKey', 'iv', 'tag', 'ciphertext'] as const) {
    if (typeof sealed[field] !== 'string' || sealed[field].length === 0) {
      throw new SigningKeyVaultError('malformed_key_ref', `keyRef has no ${field}`);
    }
  }
  return sealed as SealedSigningKey;
}

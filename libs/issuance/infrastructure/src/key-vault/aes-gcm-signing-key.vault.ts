import {
  type KeyObject,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { inspect, promisify } from 'node:util';
import type {
  CreatedSigningKey,
  PublicJwk,
  SigningKeyAlgorithm,
  SigningKeyVault,
} from '@credstream/issuance/application';
import { type SealedSigningKey, decodeKeyRef, encodeKeyRef } from './sealed-signing-key';
import { SigningKeyVaultError } from './signing-key-vault.error';
import { jwsSignature } from '../signing/key-signature';

const generateKeyPairAsync = promisify(generateKeyPair);

export interface AesGcmSigningKeyVaultOptions {
  /** The 32-byte master key, raw or base64. */
  masterKey: Uint8Array | string;
  /** Names the master key in sealed keys; defaults to a fingerprint of it. */
  masterKeyId?: string;
  /** Earlier master keys, still accepted for decryption after a rotation. */
  retiredMasterKeys?: { masterKey: Uint8Array | string; masterKeyId?: string }[];
  /** How many decrypted keys to keep in memory. */
  cacheSize?: number;
}

interface UnsealedKey {
  alg: SigningKeyAlgorithm;
  privateKey: KeyObject;
}

/**
 * Local key vault with AES-256-GCM envelope encryption: each signing key's PKCS#8 DER is encrypted under a fresh
 * random data key, and the data key is wrapped under the master key with the key id as AAD. The keyRef is the
 * sealed envelope itself, so keys are stored wherever the caller stores keyRefs (the issuer's state).
 * Decrypted keys stay in memory only, as non-exportable-by-API KeyObjects in a private cache.
 */
export class AesGcmSigningKeyVault implements SigningKeyVault {
  readonly #masterKeys = new Map<string, Buffer>();
  readonly #currentMasterKey: Buffer;
  readonly #currentMasterKeyId: string;
  readonly #cache = new Map<string, UnsealedKey>();
  readonly #cacheSize: number;

  constructor(options: AesGcmSigningKeyVaultOptions) {
    const current = toMasterKey(options.masterKey);
    this.#currentMasterKey = current;
    this.#currentMasterKeyId = options.masterKeyId ?? fingerprint(current);
    this.#masterKeys.set(this.#currentMasterKeyId, current);
    for (const retired of options.retiredMasterKeys ?? []) {
      const key = toMasterKey(retired.masterKey);
      this.#masterKeys.set(retired.masterKeyId ?? fingerprint(key), key);
    }
    this.#cacheSize = options.cacheSize ?? 10_000;
  }

  get masterKeyId(): string {
    return this.#currentMasterKeyId;
  }

  async createKey(alg: SigningKeyAlgorithm = 'ES256'): Promise<CreatedSigningKey> {
    const { privateKey } = await generate(alg);
    const keyId = randomUUID();
    const dataKey = randomBytes(32);
    try {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      cipher.setAAD(dataAad(keyId, alg, this.#currentMasterKeyId));
      const ciphertext = Buffer.concat([
        cipher.update(privateKey.export({ format: 'der', type: 'pkcs8' })),
        cipher.final(),
      ]);
      const sealed: SealedSigningKey = {
        version: 1,
        keyId,
        alg,
        masterKeyId: this.#currentMasterKeyId,
        wrappedKey: wrap(this.#currentMasterKey, dataKey, keyId).toString('base64url'),
        iv: iv.toString('base64url'),
        tag: cipher.getAuthTag().toString('base64url'),
        ciphertext: ciphertext.toString('base64url'),
      };
      const keyRef = encodeKeyRef(sealed);
      this.#remember(keyRef, { alg, privateKey });
      return { keyRef, alg, publicJwk: publicJwkOf(privateKey, alg) };
    } finally {
      dataKey.fill(0);
    }
  }

  async sign(keyRef: string, data: Uint8Array): Promise<Uint8Array> {
    return this.signSync(keyRef, data);
  }

  /** Synchronous signing for hot loops in this process (the port stays async for remote KMSs). */
  signSync(keyRef: string, data: Uint8Array): Buffer {
    const { alg, privateKey } = this.#unseal(keyRef);
    return jwsSignature(alg, privateKey, data);
  }

  /** The unsealed key, for this process's signing thread (a KeyObject: cloned in memory, never exported or logged). */
  unsealedKey(keyRef: string): { alg: SigningKeyAlgorithm; privateKey: KeyObject } {
    const { alg, privateKey } = this.#unseal(keyRef);
    return { alg, privateKey };
  }

  async publicJwk(keyRef: string): Promise<PublicJwk> {
    const { alg, privateKey } = this.#unseal(keyRef);
    return publicJwkOf(privateKey, alg);
  }

  toJSON(): Record<string, unknown> {
    return { vault: 'AesGcmSigningKeyVault', masterKeyId: this.#currentMasterKeyId, cachedKeys: this.#cache.size };
  }

  [inspect.custom](): string {
    return `AesGcmSigningKeyVault { masterKeyId: '${this.#currentMasterKeyId}', cachedKeys: ${this.#cache.size} }`;
  }

  #unseal(keyRef: string): UnsealedKey {
    const cached = this.#cache.get(keyRef);
    if (cached) return cached;
    const sealed = decodeKeyRef(keyRef);
    const masterKey = this.#masterKeys.get(sealed.masterKeyId);
    if (!masterKey) {
      throw new SigningKeyVaultError(
        'unknown_master_key',
        `key ${sealed.keyId} is sealed under master key ${sealed.masterKeyId}, which this vault does not hold`,
      );
    }
    const dataKey = unwrap(masterKey, Buffer.from(sealed.wrappedKey, 'base64url'), sealed.keyId);
    let der: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(sealed.iv, 'base64url'));
      decipher.setAAD(dataAad(sealed.keyId, sealed.alg, sealed.masterKeyId));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
      der = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64url')), decipher.final()]);
    } catch {
      throw new SigningKeyVaultError('key_decrypt_failed', `key ${sealed.keyId} failed authentication: it was altered`);
    } finally {
      dataKey.fill(0);
    }
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    der.fill(0);
    const unsealed = { alg: sealed.alg, privateKey };
    this.#remember(keyRef, unsealed);
    return unsealed;
  }

  #remember(keyRef: string, key: UnsealedKey): void {
    if (this.#cache.size >= this.#cacheSize) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(keyRef, key);
  }
}

function toMasterKey(value: Uint8Array | string): Buffer {
  const key = typeof value === 'string' ? Buffer.from(value, 'base64') : Buffer.from(value);
  if (key.length !== 32) throw new SigningKeyVaultError('invalid_master_key', 'the master key must be 32 bytes');
  return key;
}

function fingerprint(masterKey: Buffer): string {
  return `mk-${createHash('sha256').update('credstream master key id').update(masterKey).digest('hex').slice(0, 16)}`;
}

/** Binds the ciphertext to its envelope, so swapping keyId, alg or master key id between envelopes is detected. */
function dataAad(keyId: string, alg: SigningKeyAlgorithm, masterKeyId: string): Buffer {
  return Buffer.from(`credstream-signing-key:v1:${keyId}:${alg}:${masterKeyId}`, 'utf8');
}

function wrap(masterKey: Buffer, dataKey: Buffer, keyId: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, wrapped, cipher.getAuthTag()]);
}

function unwrap(masterKey: Buffer, wrappedKey: Buffer, keyId: string): Buffer {
  if (wrappedKey.length !== 12 + 32 + 16) {
    throw new SigningKeyVaultError('key_unwrap_failed', `the data key of ${keyId} has the wrong length`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, wrappedKey.subarray(0, 12));
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(wrappedKey.subarray(44));
    return Buffer.concat([decipher.update(wrappedKey.subarray(12, 44)), decipher.final()]);
  } catch {
    throw new SigningKeyVaultError(
      'key_unwrap_failed',
      `the data key of ${keyId} does not unwrap: wrong master key, or the keyRef was altered`,
    );
  }
}

async function generate(alg: SigningKeyAlgorithm): Promise<{ privateKey: KeyObject }> {
  switch (alg) {
    case 'ES256':
      return generateKeyPairAsync('ec', { namedCurve: 'P-256' });
    case 'RS256':
      return generateKeyPairAsync('rsa', { modulusLength: 2048 });
    case 'EdDSA':
      return generateKeyPairAsync('ed25519');
    default:
      throw new SigningKeyVaultError('unsupported_algorithm', `unsupported algorithm ${String(alg)}`);
  }
}

function publicJwkOf(privateKey: KeyObject, alg: SigningKeyAlgorithm): PublicJwk {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { ...jwk, kty: jwk.kty as string, alg };
}

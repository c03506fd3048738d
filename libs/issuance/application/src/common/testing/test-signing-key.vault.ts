import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type {
  CreatedSigningKey,
  PublicJwk,
  SigningKeyAlgorithm,
  SigningKeyVault,
} from '../../ports/signing-key-vault.port';

/** A vault keeping keys in memory under random references: for unit tests of handlers only. */
export class TestSigningKeyVault implements SigningKeyVault {
  private readonly keys = new Map<string, { alg: SigningKeyAlgorithm; privateKey: KeyObject; publicJwk: PublicJwk }>();

  async createKey(alg: SigningKeyAlgorithm = 'ES256'): Promise<CreatedSigningKey> {
    const { privateKey, publicKey } =
      alg === 'RS256'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : alg === 'EdDSA'
          ? generateKeyPairSync('ed25519')
          : generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const publicJwk: PublicJwk = { ...jwk, kty: String(jwk.kty), alg };
    const keyRef = `test-key-${randomUUID()}`;
    this.keys.set(keyRef, { alg, privateKey, publicJwk });
    return { keyRef, alg, publicJwk };
  }

  async sign(keyRef: string, data: Uint8Array): Promise<Uint8Array> {
    const key = this.require(keyRef);
    if (key.alg === 'ES256') return sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
    return sign(key.alg === 'EdDSA' ? null : 'sha256', data, key.privateKey);
  }

  async publicJwk(keyRef: string): Promise<PublicJwk> {
    return this.require(keyRef).publicJwk;
  }

  private require(keyRef: string) {
    const key = this.keys.get(keyRef);
    if (!key) throw new Error(`unknown key ${keyRef}`);
    return key;
  }
}

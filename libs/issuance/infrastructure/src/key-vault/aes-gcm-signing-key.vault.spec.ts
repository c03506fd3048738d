import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { compactVerify, importJWK } from 'jose';
import type { SigningKeyAlgorithm } from '@credstream/issuance/application';
import { AesGcmSigningKeyVault } from './aes-gcm-signing-key.vault';
import { decodeKeyRef, encodeKeyRef } from './sealed-signing-key';
import { SigningKeyVaultError } from './signing-key-vault.error';

const masterKey = randomBytes(32);

async function signCompact(vault: AesGcmSigningKeyVault, keyRef: string, alg: string): Promise<string> {
  const input = `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from('hello').toString('base64url')}`;
  const signature = await vault.sign(keyRef, Buffer.from(input));
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}

function tamper(keyRef: string, field: 'ciphertext' | 'wrappedKey' | 'tag' | 'iv'): string {
  const sealed = decodeKeyRef(keyRef);
  const bytes = Buffer.from(sealed[field], 'base64url');
  bytes[bytes.length >> 1] ^= 0x01;
  return encodeKeyRef({ ...sealed, [field]: bytes.toString('base64url') });
}

async function expectVaultError(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toThrow(SigningKeyVaultError);
  await expect(promise).rejects.toMatchObject({ code });
}

describe('AesGcmSigningKeyVault', () => {
  it.each<SigningKeyAlgorithm>(['ES256', 'RS256', 'EdDSA'])(
    'creates %s keys whose signatures jose verifies',
    async (alg) => {
      const vault = new AesGcmSigningKeyVault({ masterKey });
      const { keyRef, publicJwk } = await vault.createKey(alg);
      expect(publicJwk).not.toHaveProperty('d');
      expect(publicJwk.alg).toBe(alg);
      const key = await importJWK(publicJwk, alg);
      const { protectedHeader, payload } = await compactVerify(await signCompact(vault, keyRef, alg), key);
      expect(protectedHeader.alg).toBe(alg);
      expect(Buffer.from(payload).toString()).toBe('hello');
    },
  );

  it('defaults to ES256 with 64-byte JOSE (r‖s) signatures', async () => {
    const vault = new AesGcmSigningKeyVault({ masterKey: masterKey.toString('base64') });
    const { keyRef, alg, publicJwk } = await vault.createKey();
    expect(alg).toBe('ES256');
    expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect((await vault.sign(keyRef, Buffer.from('x'))).length).toBe(64);
  });

  it('round-trips through a fresh vault with the same master key (nothing cached)', async () => {
    const { keyRef, publicJwk } = await new AesGcmSigningKeyVault({ masterKey }).createKey('RS256');
    const fresh = new AesGcmSigningKeyVault({ masterKey });
    await expect(
      compactVerify(await signCompact(fresh, keyRef, 'RS256'), await importJWK(publicJwk, 'RS256')),
    ).resolves.toBeDefined();
    expect(await fresh.publicJwk(keyRef)).toEqual(publicJwk);
  });

  it('stores the private key only encrypted, with the documented envelope fields', async () => {
    const { keyRef } = await new AesGcmSigningKeyVault({ masterKey }).createKey();
    const sealed = decodeKeyRef(keyRef);
    expect(Object.keys(sealed).sort()).toEqual([
      'alg',
      'ciphertext',
      'iv',
      'keyId',
      'masterKeyId',
      'tag',
      'version',
      'wrappedKey',
    ]);
    expect(Buffer.from(sealed.wrappedKey, 'base64url')).toHaveLength(60);
    expect(Buffer.from(sealed.iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64url')).toHaveLength(16);
  });

  it.each(['ciphertext', 'tag', 'iv'] as const)('detects a flipped byte in %s', async (field) => {
    const { keyRef } = await new AesGcmSigningKeyVault({ masterKey }).createKey();
    const fresh = new AesGcmSigningKeyVault({ masterKey });
    await expectVaultError(fresh.sign(tamper(keyRef, field), Buffer.from('x')), 'key_decrypt_failed');
  });

  it('detects a flipped byte in the wrapped data key, and envelopes whose fields were swapped', async () => {
    const { keyRef } = await new AesGcmSigningKeyVault({ masterKey }).createKey();
    const fresh = new AesGcmSigningKeyVault({ masterKey });
    await expectVaultError(fresh.sign(tamper(keyRef, 'wrappedKey'), Buffer.from('x')), 'key_unwrap_failed');
    await expectVaultError(
      fresh.sign(encodeKeyRef({ ...decodeKeyRef(keyRef), alg: 'RS256' }), Buffer.from('x')),
      'key_decrypt_failed',
    );
    await expectVaultError(
      fresh.sign(encodeKeyRef({ ...decodeKeyRef(keyRef), keyId: 'other' }), Buffer.from('x')),
      'key_unwrap_failed',
    );
  });

  it('names the missing master key, and refuses a wrong key under the same id', async () => {
    const { keyRef } = await new AesGcmSigningKeyVault({ masterKey }).createKey();
    const other = new AesGcmSigningKeyVault({ masterKey: randomBytes(32) });
    await expectVaultError(other.sign(keyRef, Buffer.from('x')), 'unknown_master_key');
    await expect(other.sign(keyRef, Buffer.from('x'))).rejects.toThrow(/sealed under master key mk-[0-9a-f]{16}/);
    const { keyRef: named } = await new AesGcmSigningKeyVault({ masterKey, masterKeyId: 'mk-2026' }).createKey();
    const impostor = new AesGcmSigningKeyVault({ masterKey: randomBytes(32), masterKeyId: 'mk-2026' });
    await expectVaultError(impostor.sign(named, Buffer.from('x')), 'key_unwrap_failed');
  });

  it('still opens keys sealed under a retired master key', async () => {
    const { keyRef } = await new AesGcmSigningKeyVault({ masterKey }).createKey();
    const rotated = new AesGcmSigningKeyVault({ masterKey: randomBytes(32), retiredMasterKeys: [{ masterKey }] });
    await expect(rotated.sign(keyRef, Buffer.from('x'))).resolves.toHaveLength(64);
  });

  it('refuses malformed keyRefs and master keys with clear errors', async () => {
    const vault = new AesGcmSigningKeyVault({ masterKey });
    await expectVaultError(vault.sign('nope', Buffer.from('x')), 'malformed_key_ref');
    await expectVaultError(vault.sign('csk1.!!!', Buffer.from('x')), 'malformed_key_ref');
    const { keyRef } = await vault.createKey();
    await expectVaultError(
      vault.sign(encodeKeyRef({ ...decodeKeyRef(keyRef), version: 2 as 1 }), Buffer.from('x')),
      'unsupported_version',
    );
    expect(() => new AesGcmSigningKeyVault({ masterKey: randomBytes(16) })).toThrow(SigningKeyVaultError);
    await expectVaultError(vault.createKey('HS256' as SigningKeyAlgorithm), 'unsupported_algorithm');
  });

  it('never shows key material when serialised or inspected', async () => {
    const vault = new AesGcmSigningKeyVault({ masterKey, masterKeyId: 'mk-test' });
    await vault.createKey();
    const shown = `${JSON.stringify(vault)} ${inspect(vault, { showHidden: true, depth: 10 })}`;
    expect(shown).toContain('mk-test');
    expect(shown).not.toContain(masterKey.toString('base64'));
    expect(shown).not.toContain(masterKey.toString('hex'));
    expect(shown).not.toMatch(/PRIVATE|"d"/);
  });
});

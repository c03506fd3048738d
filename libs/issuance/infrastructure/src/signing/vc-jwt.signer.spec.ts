import { randomBytes } from 'node:crypto';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { buildOpenBadgeCredential, credentialJwtClaims, type OpenBadgeCredential } from '@credstream/open-badges';
import { AesGcmSigningKeyVault } from '../key-vault/aes-gcm-signing-key.vault';
import { VcJwtSigner } from './vc-jwt.signer';

const did = 'did:web:credstream.example:issuers:5d1c1f0e';

function credential(
  recipient: { did: string } | { email: string; salt: string },
  validUntil?: string,
): OpenBadgeCredential {
  return buildOpenBadgeCredential({
    id: '0d9c3a7e-2b1f-4c5d-8e6f-7a8b9c0d1e2f',
    issuer: { id: did, name: 'Example University' },
    achievement: {
      id: 'https://credstream.example/achievements/1',
      name: 'Teamwork',
      description: 'Collaborates in a group.',
      criteria: { narrative: 'Nominated by peers.' },
    },
    recipient,
    validFrom: '2026-01-01T00:00:00Z',
    validUntil,
  });
}

describe('VcJwtSigner', () => {
  const vault = new AesGcmSigningKeyVault({ masterKey: randomBytes(32) });
  const signer = new VcJwtSigner(vault);

  it.each(['ES256', 'RS256'] as const)('signs a %s VC-JWT that jose verifies against the public JWK', async (alg) => {
    const { keyRef, publicJwk } = await vault.createKey(alg);
    const kid = `${did}#key-1`;
    const vc = credential({ did: 'did:example:alice' }, '2030-01-01T00:00:00Z');
    const jwt = await signer.sign(vc, { alg, kid }, keyRef);

    expect(decodeProtectedHeader(jwt)).toEqual({ alg, kid, typ: 'JWT' });
    const { payload } = await jwtVerify(jwt, await importJWK(publicJwk, alg), {
      issuer: did,
      subject: 'did:example:alice',
      typ: 'JWT',
      currentDate: new Date('2026-06-01T00:00:00Z'),
    });
    expect(payload).toEqual({
      ...vc,
      iss: did,
      sub: 'did:example:alice',
      nbf: Date.parse('2026-01-01T00:00:00Z') / 1000,
      jti: vc.id,
      exp: Date.parse('2030-01-01T00:00:00Z') / 1000,
    });
  });

  it('signs email-recipient credentials with the identityHash as sub and no exp without validUntil', async () => {
    const { keyRef, publicJwk } = await vault.createKey();
    const vc = credential({ email: 'ana@example.org', salt: 'abc' });
    const jwt = await signer.sign(vc, { alg: 'ES256', kid: `${did}#key-2` }, keyRef);
    const { payload } = await jwtVerify(jwt, await importJWK(publicJwk, 'ES256'), {
      currentDate: new Date('2026-06-01T00:00:00Z'),
    });
    expect(payload).toEqual(credentialJwtClaims(vc));
    expect(payload).not.toHaveProperty('exp');
    expect(payload.sub).toMatch(/^sha256\$[0-9a-f]{64}$/);
  });

  it('produces a token jose rejects once the payload is altered', async () => {
    const { keyRef, publicJwk } = await vault.createKey();
    const jwt = await signer.sign(
      credential({ did: 'did:example:alice' }),
      { alg: 'ES256', kid: `${did}#key-1` },
      keyRef,
    );
    const [header, payload, signature] = jwt.split('.');
    const altered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), name: 'Forged' }),
    ).toString('base64url');
    await expect(jwtVerify(`${header}.${altered}.${signature}`, await importJWK(publicJwk, 'ES256'))).rejects.toThrow();
  });

  it.each([
    ['in this process', () => vault],
    // A vault behind an async port only, as a cloud KMS would be: signed one by one, same tokens.
    ['through the async port only', () => ({ sign: vault.sign.bind(vault) }) as unknown as AesGcmSigningKeyVault],
  ])('signs a batch in order, every token verifying (%s)', async (_, vaultOf) => {
    const { keyRef, publicJwk } = await vault.createKey();
    const batchSigner = new VcJwtSigner(vaultOf());
    const vcs = ['did:example:a', 'did:example:b', 'did:example:c'].map((subject) => credential({ did: subject }));
    const jwts = await batchSigner.signAll(vcs, { alg: 'ES256', kid: `${did}#key-1` }, keyRef);

    expect(jwts).toHaveLength(3);
    const key = await importJWK(publicJwk, 'ES256');
    const subjects = await Promise.all(
      jwts.map(
        async (jwt) => (await jwtVerify(jwt, key, { currentDate: new Date('2026-06-01T00:00:00Z') })).payload.sub,
      ),
    );
    expect(subjects).toEqual(['did:example:a', 'did:example:b', 'did:example:c']);
  });
});

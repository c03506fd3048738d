import { randomBytes } from 'node:crypto';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { buildOpenBadgeCredential, type OpenBadgeCredential } from '@credstream/open-badges';
import { AesGcmSigningKeyVault } from '../../key-vault/aes-gcm-signing-key.vault';
import { VcJwtSigner } from '../vc-jwt.signer';
import { SigningThread } from './signing.thread';

jest.setTimeout(60_000);

const did = 'did:web:credstream.example:issuers:5d1c1f0e';
const kid = `${did}#key-1`;
const verifyAt = { currentDate: new Date('2026-06-01T00:00:00Z') };

function credential(n: number): OpenBadgeCredential {
  return buildOpenBadgeCredential({
    id: `0d9c3a7e-2b1f-4c5d-8e6f-${n.toString(16).padStart(12, '0')}`,
    issuer: { id: did, name: 'Example University' },
    achievement: {
      id: 'https://credstream.example/achievements/1',
      name: 'Teamwork – Zusammenarbeit 🤝',
      description: 'Collaborates in a group.',
      criteria: { narrative: 'Nominated by peers.' },
    },
    recipient: { did: `did:example:learner-${n}` },
    validFrom: '2026-01-01T00:00:00Z',
  });
}

describe('VC-JWT signing thread', () => {
  const vault = new AesGcmSigningKeyVault({ masterKey: randomBytes(32) });
  const thread = new SigningThread();
  const signer = new VcJwtSigner(vault, { thread, threadFromBatch: 16 });

  afterAll(() => thread.close());

  it.each(['ES256', 'RS256', 'EdDSA'] as const)(
    'signs a %s batch on the thread, in order, every token verifying against the public JWK',
    async (alg) => {
      const { keyRef, publicJwk } = await vault.createKey(alg);
      const vcs = Array.from({ length: 40 }, (_, n) => credential(n));
      const signOnThread = jest.spyOn(thread, 'signAll');

      const jwts = await signer.signAll(vcs, { alg, kid }, keyRef);

      expect(signOnThread).toHaveBeenCalledTimes(1);
      signOnThread.mockRestore();
      const key = await importJWK(publicJwk, alg);
      const verified = await Promise.all(jwts.map((jwt) => jwtVerify(jwt, key, verifyAt)));
      expect(verified.map(({ payload }) => payload.jti)).toEqual(vcs.map((vc) => vc.id));
      expect(verified[7].payload).toMatchObject({ credentialSubject: vcs[7].credentialSubject });
      expect(decodeProtectedHeader(jwts[0])).toEqual({ alg, kid, typ: 'JWT' });
    },
  );

  it('signs the same tokens as in-process signing would (RS256 is deterministic)', async () => {
    const { keyRef } = await vault.createKey('RS256');
    const vcs = Array.from({ length: 20 }, (_, n) => credential(n));

    const onThread = await signer.signAll(vcs, { alg: 'RS256', kid }, keyRef);
    const inProcess = await new VcJwtSigner(vault).signAll(vcs, { alg: 'RS256', kid }, keyRef);

    expect(onThread).toEqual(inProcess);
  });

  it('signs small batches in this process, without the thread', async () => {
    const { keyRef } = await vault.createKey();
    const signOnThread = jest.spyOn(thread, 'signAll');

    const jwts = await signer.signAll([credential(1), credential(2)], { alg: 'ES256', kid }, keyRef);

    expect(jwts).toHaveLength(2);
    expect(signOnThread).not.toHaveBeenCalled();
    signOnThread.mockRestore();
  });

  it('keeps batches apart when several are in flight at once', async () => {
    const { keyRef, publicJwk } = await vault.createKey();
    const batches = [0, 1, 2].map((b) => Array.from({ length: 30 }, (_, n) => credential(b * 100 + n)));

    const signed = await Promise.all(batches.map((vcs) => signer.signAll(vcs, { alg: 'ES256', kid }, keyRef)));

    const key = await importJWK(publicJwk, 'ES256');
    for (const [b, jwts] of signed.entries()) {
      const jtis = await Promise.all(jwts.map(async (jwt) => (await jwtVerify(jwt, key, verifyAt)).payload.jti));
      expect(jtis).toEqual(batches[b].map((vc) => vc.id));
    }
  });

  it('fails the batches of a thread that died, and signs the next batch on a fresh one', async () => {
    const { keyRef, publicJwk } = await vault.createKey('RS256');
    const vcs = Array.from({ length: 20 }, (_, n) => credential(n));
    await signer.signAll(vcs, { alg: 'RS256', kid }, keyRef);
    const worker = (thread as unknown as { thread: { running: { terminate(): Promise<number> } } }).thread.running;

    // ~1 ms per RS256 signature: the thread is still at it when it is terminated.
    const inFlight = signer.signAll(
      Array.from({ length: 1_000 }, (_, n) => credential(n)),
      { alg: 'RS256', kid },
      keyRef,
    );
    await worker.terminate();

    await expect(inFlight).rejects.toThrow(/signing thread exited/);
    const jwts = await signer.signAll(vcs, { alg: 'RS256', kid }, keyRef);
    await expect(jwtVerify(jwts[19], await importJWK(publicJwk, 'RS256'), verifyAt)).resolves.toBeDefined();
  });
});

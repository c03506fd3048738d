import { generateKeyPairSync, sign } from 'node:crypto';
import type { PublicJwk } from '@credstream/verification/domain';
import { NodeCryptoSignatureVerifier } from './node-crypto.signature-verifier';

function es256Key() {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey: pair.privateKey, jwk: pair.publicKey.export({ format: 'jwk' }) as PublicJwk };
}

function signed(key: ReturnType<typeof es256Key>, payload: string) {
  const signingInput = `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return {
    alg: 'ES256' as const,
    compactJws: `${signingInput}.${signature.toString('base64url')}`,
    signingInput,
    signature: new Uint8Array(signature),
  };
}

describe('NodeCryptoSignatureVerifier remembering verdicts by token', () => {
  const issuer = es256Key();
  const rotated = es256Key();

  it('gives the same verdict for the same token and key, and judges it anew with another key', async () => {
    const verifier = new NodeCryptoSignatureVerifier();
    const token = signed(issuer, '{"iss":"did:example:1"}');
    await expect(verifier.verify(token, issuer.jwk)).resolves.toBe(true);
    await expect(verifier.verify(token, issuer.jwk)).resolves.toBe(true);
    await expect(verifier.verify(token, rotated.jwk)).resolves.toBe(false);
    await expect(verifier.verify(token, issuer.jwk)).resolves.toBe(true);
  });

  it('never lends a verdict to other bytes: another signature over the same payload is checked', async () => {
    const verifier = new NodeCryptoSignatureVerifier();
    const genuine = signed(issuer, '{"iss":"did:example:1"}');
    await expect(verifier.verify(genuine, issuer.jwk)).resolves.toBe(true);
    const forged = signed(rotated, '{"iss":"did:example:1"}');
    await expect(verifier.verify(forged, issuer.jwk)).resolves.toBe(false);
  });

  it('remembers a verdict only under the text of the bytes it checked', async () => {
    const verifier = new NodeCryptoSignatureVerifier();
    const genuine = signed(issuer, '{"iss":"did:example:3"}');
    const forged = signed(rotated, '{"iss":"did:example:3"}');
    await expect(verifier.verify(genuine, issuer.jwk)).resolves.toBe(true);
    await expect(verifier.verify({ ...forged, compactJws: genuine.compactJws }, issuer.jwk)).resolves.toBe(false);
    await expect(verifier.verify(genuine, issuer.jwk)).resolves.toBe(true);
  });

  it('remembers nothing when told to keep no verdicts', async () => {
    const verifier = new NodeCryptoSignatureVerifier(10, 0);
    const token = signed(issuer, '{"iss":"did:example:2"}');
    await expect(verifier.verify(token, issuer.jwk)).resolves.toBe(true);
    await expect(verifier.verify(token, rotated.jwk)).resolves.toBe(false);
  });
});

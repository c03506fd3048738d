import type { AllowedAlgorithm, PublicJwk } from '@credstream/verification/domain';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import type { SignatureVerifier } from '@credstream/verification/application';
import { JoseSignatureVerifier } from './jose.signature-verifier';
import { NodeCryptoSignatureVerifier } from './node-crypto.signature-verifier';

async function signed(alg: AllowedAlgorithm, payload = '{"iss":"did:example:1"}') {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const compactJws = await new CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg, typ: 'vc+jwt' })
    .sign(privateKey);
  const jwk = (await exportJWK(publicKey)) as PublicJwk;
  return { compactJws, jwk };
}

function input(alg: AllowedAlgorithm, compactJws: string) {
  const [header = '', payload = '', signature = ''] = compactJws.split('.');
  return {
    alg,
    compactJws,
    signingInput: `${header}.${payload}`,
    signature: new Uint8Array(Buffer.from(signature, 'base64url')),
  };
}

describe.each<[string, SignatureVerifier]>([
  ['JoseSignatureVerifier', new JoseSignatureVerifier()],
  ['NodeCryptoSignatureVerifier', new NodeCryptoSignatureVerifier()],
])('%s', (_name, verifier) => {
  it.each<AllowedAlgorithm>(['ES256', 'RS256', 'EdDSA'])('accepts a genuine %s signature', async (alg) => {
    const { compactJws, jwk } = await signed(alg);
    await expect(verifier.verify(input(alg, compactJws), jwk)).resolves.toBe(true);
  });

  it.each<AllowedAlgorithm>(['ES256', 'RS256'])('refuses a tampered %s payload or signature', async (alg) => {
    const { compactJws, jwk } = await signed(alg);
    const [header, , signature = ''] = compactJws.split('.');
    const forgedPayload = Buffer.from('{"iss":"did:example:2"}').toString('base64url');
    const tamperedPayload = `${header}.${forgedPayload}.${signature}`;
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const tamperedSignature = compactJws.replace(signature, flipped);
    await expect(verifier.verify(input(alg, tamperedPayload), jwk)).resolves.toBe(false);
    await expect(verifier.verify(input(alg, tamperedSignature), jwk)).resolves.toBe(false);
  });

  it('refuses another key, a header alg other than the checked one, and malformed input without throwing', async () => {
    const { compactJws } = await signed('ES256');
    const other = await signed('ES256');
    await expect(verifier.verify(input('ES256', compactJws), other.jwk)).resolves.toBe(false);
    const rsa = await signed('RS256');
    await expect(verifier.verify(input('ES256', rsa.compactJws), rsa.jwk)).resolves.toBe(false);
    await expect(verifier.verify(input('ES256', 'not.a.jws!'), other.jwk)).resolves.toBe(false);
    await expect(verifier.verify(input('ES256', compactJws), { kty: 'EC', crv: 'P-256' })).resolves.toBe(false);
    await expect(verifier.verify(input('HS256' as AllowedAlgorithm, compactJws), other.jwk)).resolves.toBe(false);
  });
});

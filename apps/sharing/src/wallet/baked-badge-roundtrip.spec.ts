import { verify } from 'node:crypto';
import { decodeCompactJws } from '@credstream/open-badges';
import { OpenBadgesBaker } from '@credstream/sharing/infrastructure';
import { issueTestCredential, TEST_PUBLIC_KEY } from '../testing/test-credentials';

/** Bake → extract gives back the exact JWT, whose ES256 signature still verifies against the issuer's key. */
describe('baked badges round-trip', () => {
  const baker = new OpenBadgesBaker();
  const credential = issueTestCredential('lea@example.org');

  const signatureVerifies = (jwt: string) => {
    const decoded = decodeCompactJws(jwt);
    if (!decoded.ok) return false;
    return verify(
      'sha256',
      Buffer.from(decoded.jws.signingInput),
      { key: TEST_PUBLIC_KEY, dsaEncoding: 'ieee-p1363' },
      decoded.jws.signature,
    );
  };

  it.each(['png', 'svg'] as const)('keeps a verifiable VC-JWT in a baked %s', (type) => {
    const baked = baker.bake(type, baker.defaultImage(type, 'Data Analysis'), credential.jwt);
    const extracted = baker.extract(type, baked);
    expect(extracted).toBe(credential.jwt);
    expect(signatureVerifies(extracted!)).toBe(true);
  });

  it('detects a JWT tampered with inside the image', () => {
    const baked = baker.bake('svg', baker.defaultImage('svg', 'x'), credential.jwt);
    const [header, payload, signature] = baker.extract('svg', baked)!.split('.');
    const forged = Buffer.from(payload, 'base64url').toString('utf8').replace('Data Analysis', 'Data Science');
    expect(signatureVerifies(`${header}.${Buffer.from(forged).toString('base64url')}.${signature}`)).toBe(false);
  });
});

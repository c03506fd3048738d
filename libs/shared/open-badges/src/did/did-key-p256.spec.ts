import { generateKeyPairSync } from 'node:crypto';
import { base58btcDecode, base58btcEncode } from './base58btc';
import { didKeyFromP256Jwk, p256JwkFromDidKey } from './did-key-p256';
import { InvalidDidError } from './did-web';

describe('did:key for P-256', () => {
  it('encodes as zDn… and decodes back to the same public JWK (both y parities)', () => {
    for (let i = 0; i < 20; i++) {
      const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
      const did = didKeyFromP256Jwk({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y });
      expect(did).toMatch(/^did:key:zDn[1-9A-HJ-NP-Za-km-z]+$/);
      expect(p256JwkFromDidKey(`${did}#${did.slice(8)}`)).toEqual({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y });
    }
  });

  it('decodes the did:key spec P-256 test vector to a point on the curve', () => {
    const jwk = p256JwkFromDidKey('did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169');
    expect(didKeyFromP256Jwk(jwk)).toBe('did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169');
  });

  it('refuses other key types and junk', () => {
    expect(() => p256JwkFromDidKey('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')).toThrow(
      InvalidDidError,
    );
    expect(() => p256JwkFromDidKey('did:key:z0OIl')).toThrow(InvalidDidError);
    expect(() => p256JwkFromDidKey('did:web:example.com')).toThrow(InvalidDidError);
    expect(() => didKeyFromP256Jwk({ kty: 'OKP', crv: 'Ed25519', x: 'AA' })).toThrow(RangeError);
  });

  it('base58btc keeps leading zeros', () => {
    const bytes = Uint8Array.from([0, 0, 1, 2, 255]);
    expect(base58btcDecode(base58btcEncode(bytes))).toEqual(bytes);
  });
});

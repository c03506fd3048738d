import { base58btcDecode, base58btcEncode } from './base58btc';
import { InvalidDidError } from './did-web';

/** Multicodec `p256-pub` (0x1200) as an unsigned varint. */
const P256_PUB_PREFIX = [0x80, 0x24];
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

export interface P256PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** did:key for a P-256 public key: multibase base58btc (`z`) of the multicodec prefix + compressed point. */
export function didKeyFromP256Jwk(jwk: { kty: string; crv?: string; x?: string; y?: string }): string {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new RangeError('not a P-256 public JWK');
  const x = Buffer.from(jwk.x, 'base64url');
  const y = Buffer.from(jwk.y, 'base64url');
  if (x.length !== 32 || y.length !== 32) throw new RangeError('P-256 coordinates must be 32 bytes');
  const compressed = Uint8Array.from([...P256_PUB_PREFIX, (y[31] & 1) === 1 ? 0x03 : 0x02, ...x]);
  return `did:key:z${base58btcEncode(compressed)}`;
}

/** The public JWK of a P-256 did:key (the DID or a DID URL with a fragment). */
export function p256JwkFromDidKey(didKey: string): P256PublicJwk {
  const id = didKey.split('#')[0];
  if (!id.startsWith('did:key:z')) throw new InvalidDidError('not a base58btc did:key');
  let bytes: Uint8Array;
  try {
    bytes = base58btcDecode(id.slice('did:key:z'.length));
  } catch {
    throw new InvalidDidError('did:key is not base58btc');
  }
  if (bytes.length !== 35 || bytes[0] !== P256_PUB_PREFIX[0] || bytes[1] !== P256_PUB_PREFIX[1]) {
    throw new InvalidDidError('did:key is not a P-256 public key');
  }
  const sign = bytes[2];
  if (sign !== 0x02 && sign !== 0x03) throw new InvalidDidError('did:key point is not compressed');
  const x = bytesToBigInt(bytes.subarray(3));
  if (x >= P) throw new InvalidDidError('did:key point is not on P-256');
  // y² = x³ − 3x + b; P ≡ 3 (mod 4), so a square root is (y²)^((P+1)/4).
  const ySquared = mod(x * x * x - 3n * x + B);
  let y = modPow(ySquared, (P + 1n) / 4n);
  if (mod(y * y) !== ySquared) throw new InvalidDidError('did:key point is not on P-256');
  if ((y & 1n) !== BigInt(sign & 1)) y = P - y;
  return { kty: 'EC', crv: 'P-256', x: toBase64Url(x), y: toBase64Url(y) };
}

const mod = (value: bigint) => ((value % P) + P) % P;

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

function toBase64Url(value: bigint): string {
  return Buffer.from(value.toString(16).padStart(64, '0'), 'hex').toString('base64url');
}

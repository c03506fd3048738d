import type { SigningKeyAlgorithm, SigningKeyVault } from '@credstream/issuance/application';
import {
  type JwtSignableCredential,
  credentialJoseHeader,
  credentialJwtPayloadJson,
  encodeJwsHeader,
} from '@credstream/open-badges';

export interface VcJwtHeaderInput {
  alg: SigningKeyAlgorithm;
  /** The exact verification method id in the issuer's DID document, e.g. `did:web:host:issuers:<id>#key-1`. */
  kid: string;
}

/** A vault that can also sign synchronously in this process (the AES-GCM vault); remote KMSs cannot. */
interface SyncSigningKeyVault extends SigningKeyVault {
  signSync(keyRef: string, data: Uint8Array): Uint8Array;
}

const hasSignSync = (vault: SigningKeyVault): vault is SyncSigningKeyVault =>
  typeof (vault as Partial<SyncSigningKeyVault>).signSync === 'function';

/** Largest scratch buffer a signer keeps; bigger credentials take fresh buffers. */
const MAX_SCRATCH_BYTES = 1 << 20;

/**
 * Signs credentials per the OB 3.0 JSON Web Token proof format: header {alg, kid, typ: "JWT"}, payload the
 * credential itself plus iss/sub/nbf/jti(/exp). Signing goes through the key vault (node:crypto underneath);
 * see ADR 6 for why not did-jwt-vc or jose here.
 */
export class VcJwtSigner {
  /** Encoded headers per (alg, kid): an issuer signs thousands of credentials with the same one. */
  private readonly headers = new Map<string, string>();

  private readonly syncVault: SyncSigningKeyVault | undefined;
  /** Reused for the payload's UTF-8 bytes and then the signing input's bytes (sync vaults only, see below). */
  private scratch = Buffer.allocUnsafe(16 * 1024);

  constructor(private readonly vault: SigningKeyVault) {
    this.syncVault = hasSignSync(vault) ? vault : undefined;
  }

  async sign(credential: JwtSignableCredential, header: VcJwtHeaderInput, keyRef: string): Promise<string> {
    return this.signPayload(this.encodedHeader(header), credentialJwtPayloadJson(credential), keyRef);
  }

  /**
   * Signs credentials with one key, in order. With a vault that signs in this process (the AES-GCM vault) the whole
   * batch is signed in one go, with no promise per credential (bulk issuance signs its batches here).
   */
  async signAll(
    credentials: readonly JwtSignableCredential[],
    header: VcJwtHeaderInput,
    keyRef: string,
  ): Promise<string[]> {
    // A remote vault signs side by side.
    if (this.syncVault === undefined) return Promise.all(credentials.map((c) => this.sign(c, header, keyRef)));
    const encodedHeader = this.encodedHeader(header);
    const jwts: string[] = [];
    for (const credential of credentials) {
      const jwt = this.signPayload(encodedHeader, credentialJwtPayloadJson(credential), keyRef);
      jwts.push(typeof jwt === 'string' ? jwt : await jwt);
    }
    return jwts;
  }

  /** The compact JWS: synchronous in the scratch buffer with a sync vault, else through the vault's async port. */
  private signPayload(encodedHeader: string, payloadJson: string, keyRef: string): string | Promise<string> {
    const syncVault = this.syncVault;
    if (syncVault !== undefined && payloadJson.length * 3 <= MAX_SCRATCH_BYTES) {
      return this.signInScratch(syncVault, encodedHeader, payloadJson, keyRef);
    }
    const signingInput = `${encodedHeader}.${Buffer.from(payloadJson, 'utf8').toString('base64url')}`;
    return this.vault
      .sign(keyRef, Buffer.from(signingInput, 'latin1'))
      .then((signature) => `${signingInput}.${base64url(signature)}`);
  }

  /**
   * A sync vault is done with the bytes when signSync returns, so one scratch buffer serves every call without
   * allocating: UTF-8 payload -> base64url text -> signing input bytes, signed in place.
   */
  private signInScratch(syncVault: SyncSigningKeyVault, encodedHeader: string, payloadJson: string, keyRef: string) {
    // UTF-8 needs at most 3 bytes per UTF-16 unit; base64url is ASCII, one byte a character.
    const scratch = this.scratchOf(encodedHeader.length + 4 + payloadJson.length * 4);
    const payloadBytes = scratch.write(payloadJson, 0, 'utf8');
    const signingInput = `${encodedHeader}.${scratch.toString('base64url', 0, payloadBytes)}`;
    const inputBytes = scratch.write(signingInput, 0, 'latin1');
    const signature = syncVault.signSync(keyRef, scratch.subarray(0, inputBytes));
    return `${signingInput}.${base64url(signature)}`;
  }

  private scratchOf(bytes: number): Buffer {
    if (this.scratch.length < bytes)
      this.scratch = Buffer.allocUnsafe(Math.min(MAX_SCRATCH_BYTES * 2, 2 ** Math.ceil(Math.log2(bytes))));
    return this.scratch;
  }

  private encodedHeader({ alg, kid }: VcJwtHeaderInput): string {
    const cacheKey = `${alg} ${kid}`;
    let encoded = this.headers.get(cacheKey);
    if (encoded === undefined) {
      encoded = encodeJwsHeader(credentialJoseHeader(alg, kid));
      if (this.headers.size >= 1_000) this.headers.clear();
      this.headers.set(cacheKey, encoded);
    }
    return encoded;
  }
}

function base64url(bytes: Uint8Array): string {
  return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString(
    'base64url',
  );
}

import type { KeyObject } from 'node:crypto';
import type { SigningKeyAlgorithm, SigningKeyVault } from '@credstream/issuance/application';
import {
  type JwtSignableCredential,
  credentialJoseHeader,
  credentialJwtPayloadJson,
  encodeJwsHeader,
} from '@credstream/open-badges';
import { base64url, compactJws, JwsScratch } from './key-signature';
import type { SigningThread } from './signing-thread/signing.thread';

export interface VcJwtHeaderInput {
  alg: SigningKeyAlgorithm;
  /** The exact verification method id in the issuer's DID document, e.g. `did:web:host:issuers:<id>#key-1`. */
  kid: string;
}

/** A vault that can also sign synchronously in this process (the AES-GCM vault); remote KMSs cannot. */
interface SyncSigningKeyVault extends SigningKeyVault {
  signSync(keyRef: string, data: Uint8Array): Uint8Array;
  /** The key itself, for the signing thread of this process (cloned in memory, never exported). */
  unsealedKey?(keyRef: string): { alg: SigningKeyAlgorithm; privateKey: KeyObject };
}

export interface VcJwtSignerOptions {
  /** Signs `signAll` batches beside the main thread (bulk issuance), with a vault whose keys are in this process. */
  thread?: SigningThread;
  /** Smallest batch handed to the thread; smaller ones are signed here, sooner. Default 16. */
  threadFromBatch?: number;
}

const hasSignSync = (vault: SigningKeyVault): vault is SyncSigningKeyVault =>
  typeof (vault as Partial<SyncSigningKeyVault>).signSync === 'function';

/** Largest scratch buffer a signer keeps; bigger credentials take fresh buffers. */
const MAX_SCRATCH_BYTES = 2 << 20;

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
  private readonly scratch = new JwsScratch(16 * 1024, MAX_SCRATCH_BYTES);

  constructor(
    private readonly vault: SigningKeyVault,
    private readonly options: VcJwtSignerOptions = {},
  ) {
    this.syncVault = hasSignSync(vault) ? vault : undefined;
  }

  async sign(credential: JwtSignableCredential, header: VcJwtHeaderInput, keyRef: string): Promise<string> {
    return this.signPayload(this.encodedHeader(header), credentialJwtPayloadJson(credential), keyRef);
  }

  /**
   * Signs credentials with one key, in order. With a vault that signs in this process (the AES-GCM vault) the whole
   * batch is signed in one go, with no promise per credential: on the signing thread when there is one and the batch
   * is large enough (bulk issuance), else here.
   */
  async signAll(
    credentials: readonly JwtSignableCredential[],
    header: VcJwtHeaderInput,
    keyRef: string,
  ): Promise<string[]> {
    // A remote vault signs side by side.
    if (this.syncVault === undefined) return Promise.all(credentials.map((c) => this.sign(c, header, keyRef)));
    const encodedHeader = this.encodedHeader(header);
    const syncVault = this.syncVault;
    const onThread = this.onThread(syncVault, encodedHeader, credentials, keyRef);
    if (onThread !== undefined) return onThread;
    return credentials.map((credential) =>
      this.signInScratch(syncVault, encodedHeader, credentialJwtPayloadJson(credential), keyRef),
    );
  }

  /**
   * The batch signed on the signing thread, or undefined to sign it here (no thread, a small batch, a vault that
   * cannot hand its key over). The payloads' JSON is built here; encoding and signing happen there.
   */
  private onThread(
    vault: SyncSigningKeyVault,
    encodedHeader: string,
    credentials: readonly JwtSignableCredential[],
    keyRef: string,
  ): Promise<string[]> | undefined {
    const { thread, threadFromBatch = 16 } = this.options;
    if (thread === undefined || vault.unsealedKey === undefined || credentials.length < threadFromBatch) return;
    const { alg, privateKey } = vault.unsealedKey(keyRef);
    return thread.signAll(alg, privateKey, encodedHeader, credentials.map(credentialJwtPayloadJson));
  }

  /** The compact JWS: synchronous in the scratch buffer with a sync vault, else through the vault's async port. */
  private signPayload(encodedHeader: string, payloadJson: string, keyRef: string): string | Promise<string> {
    const syncVault = this.syncVault;
    if (syncVault !== undefined) return this.signInScratch(syncVault, encodedHeader, payloadJson, keyRef);
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
    return compactJws(encodedHeader, payloadJson, (data) => syncVault.signSync(keyRef, data), this.scratch);
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

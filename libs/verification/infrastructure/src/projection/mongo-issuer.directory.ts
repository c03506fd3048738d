import type { IssuerDirectory, KnownIssuer } from '@credstream/verification/application';
import type { KnownCredentialStatus, PublicJwk } from '@credstream/verification/domain';
import { TtlCache } from '../keys/ttl-cache';
import type { ProjectionListener } from './issuance-events.projection';
import { bareCredentialId, type IssuerDocument, type IssuerReadModels } from './issuer-read-models';

export interface IssuerDirectoryCacheOptions {
  /**
   * How long a lookup is reused. Writes by this process's projection drop the cache at once; this bounds how late
   * another instance's writes (other partitions of the group) are seen.
   */
  ttlMs: number;
  maxEntries: number;
  now: () => number;
}

export const DEFAULT_ISSUER_DIRECTORY_CACHE: IssuerDirectoryCacheOptions = {
  ttlMs: 1_000,
  maxEntries: 10_000,
  now: () => Date.now(),
};

const NOT_REVOKED: KnownCredentialStatus = { revoked: false, suspended: false };

/**
 * {@link IssuerDirectory} over the read models of issuance events, with a short cache: at thousands of verifications
 * a second, most lookups are of the same few issuers and credentials.
 */
export class MongoIssuerDirectory implements IssuerDirectory, ProjectionListener {
  private readonly options: IssuerDirectoryCacheOptions;
  private issuers: TtlCache<KnownIssuer | null>;
  private readonly statuses: TtlCache<{ issuerDid?: string; status: KnownCredentialStatus }>;
  private readonly issuerLookups = new Map<string, Promise<KnownIssuer | null>>();

  constructor(
    private readonly models: IssuerReadModels,
    options: Partial<IssuerDirectoryCacheOptions> = {},
  ) {
    this.options = { ...DEFAULT_ISSUER_DIRECTORY_CACHE, ...options };
    this.issuers = new TtlCache(this.options.maxEntries, this.options.now);
    this.statuses = new TtlCache(this.options.maxEntries, this.options.now);
  }

  async findIssuer(issuerId: string): Promise<KnownIssuer | undefined> {
    const cached = this.issuers.get(issuerId);
    if (cached !== undefined) return cached ?? undefined;
    // One read per issuer at a time: when its entry expires under load, the requests meanwhile wait for that read.
    const pending = this.issuerLookups.get(issuerId);
    if (pending) return (await pending) ?? undefined;
    const lookup: Promise<KnownIssuer | null> = this.readIssuer(issuerId).finally(() => {
      if (this.issuerLookups.get(issuerId) === lookup) this.issuerLookups.delete(issuerId);
    });
    this.issuerLookups.set(issuerId, lookup);
    return (await lookup) ?? undefined;
  }

  private async readIssuer(issuerId: string): Promise<KnownIssuer | null> {
    const cache = this.issuers;
    const document = await this.models.issuers.findOne({ did: issuerId });
    const issuer = document ? knownIssuerOf(issuerId, document) : null;
    // Not into a cache `issuerChanged` replaced meanwhile: that read may predate the change.
    if (cache === this.issuers) cache.set(issuerId, issuer, this.options.ttlMs);
    return issuer;
  }

  /** Asked only for a known issuer: no record of a revocation or suspension means neither happened. */
  async credentialStatus(issuerId: string, credentialId: string): Promise<KnownCredentialStatus | undefined> {
    const id = bareCredentialId(credentialId);
    let entry = this.statuses.get(id);
    if (!entry) {
      const document = await this.models.credentials.findOne({ _id: id });
      entry = {
        issuerDid: document?.issuerDid,
        status: { revoked: document?.revoked === true, suspended: document?.suspended === true },
      };
      this.statuses.set(id, entry, this.options.ttlMs);
    }
    // The same id under another issuer is not this credential: its own status list decides.
    if (entry.issuerDid !== undefined && entry.issuerDid !== issuerId) return undefined;
    return entry.status.revoked || entry.status.suspended ? entry.status : NOT_REVOKED;
  }

  issuerChanged(): void {
    this.issuers = new TtlCache(this.options.maxEntries, this.options.now);
    this.issuerLookups.clear();
  }

  credentialChanged(credentialId: string): void {
    this.statuses.set(credentialId, { status: NOT_REVOKED }, 0);
  }
}

function knownIssuerOf(did: string, document: IssuerDocument): KnownIssuer | null {
  const keys: Record<string, PublicJwk> = {};
  for (const key of Object.values(document.keys ?? {})) keys[key.kid] = key.publicKeyJwk;
  const issuer: KnownIssuer = { did, keys };
  if (document.tenantId) issuer.tenantId = document.tenantId;
  if (document.name) issuer.name = document.name;
  return issuer;
}

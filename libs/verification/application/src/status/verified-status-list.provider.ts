import { checkStructure, readStatusListCredential, type StatusListLookup } from '@credstream/verification/domain';
import type { Clock } from '../ports/clock.port';
import type { IssuerDirectory } from '../ports/issuer-directory.port';
import type { StatusListFetcher } from '../ports/status-list-fetcher.port';
import type { StatusListProvider } from '../ports/status-list-provider.port';
import type { JwtProofVerifier } from '../proof/jwt-proof.verifier';
import { attempt } from '../support/attempt';

export interface StatusListCacheOptions {
  /** When neither the list (`ttl`) nor the response (max-age) says how long to keep it. */
  defaultTtlMs: number;
  /** Upper bound, however long the list says it may be kept: a revocation must show within this. */
  maxTtlMs: number;
  maxEntries: number;
}

export const DEFAULT_STATUS_LIST_CACHE: StatusListCacheOptions = {
  defaultTtlMs: 5 * 60_000,
  maxTtlMs: 60 * 60_000,
  maxEntries: 1_000,
};

/**
 * Fetches a status list credential, verifies its own proof like any VC-JWT (algorithm, key bound to its issuer,
 * signature), decodes the list and caches the verified result by its ttl. Only verified lists are cached.
 */
export class VerifiedStatusListProvider implements StatusListProvider {
  private readonly cache = new Map<string, { lookup: StatusListLookup; expiresAt: number }>();
  private readonly inFlight = new Map<string, Promise<StatusListLookup>>();

  constructor(
    private readonly fetcher: StatusListFetcher,
    private readonly proof: JwtProofVerifier,
    private readonly issuerDirectory: IssuerDirectory,
    private readonly clock: Clock,
    private readonly options: StatusListCacheOptions = DEFAULT_STATUS_LIST_CACHE,
  ) {}

  async get(url: string): Promise<StatusListLookup> {
    const cached = this.cache.get(url);
    if (cached && cached.expiresAt > this.clock.now().getTime()) return cached.lookup;
    let pending = this.inFlight.get(url);
    if (!pending) {
      // Concurrent verifications of credentials on the same list share one fetch.
      pending = this.load(url).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return pending;
  }

  private async load(url: string): Promise<StatusListLookup> {
    const fetched = await attempt(
      () => this.fetcher.fetch(url),
      (message) => ({ ok: false as const, message }),
    );
    if (!fetched.ok)
      return failure('STATUS_UNAVAILABLE', `the status list ${url} could not be fetched: ${fetched.message}`);
    const input =
      typeof fetched.document === 'string'
        ? { kind: 'text' as const, text: fetched.document }
        : { kind: 'json' as const, document: fetched.document };
    const { check, jwt } = checkStructure(input);
    if (!jwt) return failure('STATUS_LIST_INVALID', `the status list credential is unreadable: ${check.message}`);
    const known = jwt.issuerId
      ? await attempt(
          () => this.issuerDirectory.findIssuer(jwt.issuerId as string),
          () => undefined,
        )
      : undefined;
    const proofFailure = (await this.proof.verify(jwt, known?.keys)).find((c) => c.status === 'failed');
    if (proofFailure) {
      return failure(
        'STATUS_LIST_INVALID',
        `the status list credential's ${proofFailure.name} check failed (${proofFailure.code}): ${proofFailure.message}`,
      );
    }
    const read = readStatusListCredential(url, jwt.credential);
    if (!read.ok) return { ok: false, failure: read.failure };
    const lookup: StatusListLookup = { ok: true, snapshot: read.snapshot };
    this.remember(url, lookup, read.snapshot.ttlMs ?? fetched.maxAgeMs);
    return lookup;
  }

  private remember(url: string, lookup: StatusListLookup, ttlMs: number | undefined): void {
    const ttl = Math.min(ttlMs ?? this.options.defaultTtlMs, this.options.maxTtlMs);
    if (ttl <= 0) return;
    if (this.cache.size >= this.options.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.delete(url);
    this.cache.set(url, { lookup, expiresAt: this.clock.now().getTime() + ttl });
  }
}

const failure = (code: 'STATUS_UNAVAILABLE' | 'STATUS_LIST_INVALID', message: string): StatusListLookup => ({
  ok: false,
  failure: { code, message },
});

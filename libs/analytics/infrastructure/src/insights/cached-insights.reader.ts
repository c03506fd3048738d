import type { InsightFilters } from '@credstream/analytics/domain';
import type { InsightName, InsightReport, InsightsReader } from '@credstream/analytics/application';

/** A value that changes whenever anything an insight of the tenant reads may have changed. */
export interface TenantVersions {
  version(tenantId: string): Promise<string>;
}

export interface InsightCacheOptions {
  /** Upper bound on an entry's age: answers depending on the clock (expired credentials, default range) refresh. */
  maxAgeMs: number;
  maxEntries: number;
  now?: () => number;
}

interface Entry {
  version: string;
  storedAt: number;
  report: Promise<InsightReport>;
}

/**
 * Answers an insight from memory while the tenant's version (TenantVersions) is the one the answer was computed
 * at. The version is read before the queries run, so an answer is never older than its version: anything inserted
 * meanwhile changes the version and the next request recomputes. Concurrent identical requests share one
 * computation. Dashboards ask the same questions again and again; the cold cost is the queries' own.
 */
export class CachedInsightsReader implements InsightsReader {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(
    private readonly inner: InsightsReader,
    private readonly versions: TenantVersions,
    private readonly options: InsightCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  impact = (tenantId: string, filters: InsightFilters) => this.cached('impact', tenantId, filters);
  funnel = (tenantId: string, filters: InsightFilters) => this.cached('funnel', tenantId, filters);
  reach = (tenantId: string, filters: InsightFilters) => this.cached('reach', tenantId, filters);
  verifications = (tenantId: string, filters: InsightFilters) => this.cached('verifications', tenantId, filters);
  employability = (tenantId: string, filters: InsightFilters) => this.cached('employability', tenantId, filters);
  mobility = (tenantId: string, filters: InsightFilters) => this.cached('mobility', tenantId, filters);
  skills = (tenantId: string, filters: InsightFilters) => this.cached('skills', tenantId, filters);
  roi = (tenantId: string, filters: InsightFilters) => this.cached('roi', tenantId, filters);

  async recordProgrammeCost(
    tenantId: string,
    achievementId: string,
    cost: { amount: number; currency: string },
    at: Date,
  ): Promise<void> {
    await this.inner.recordProgrammeCost(tenantId, achievementId, cost, at);
    this.forget(tenantId);
  }

  private async cached(insight: InsightName, tenantId: string, filters: InsightFilters): Promise<InsightReport> {
    const version = await this.versions.version(tenantId);
    const key = JSON.stringify([tenantId, insight, filters]);
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && now - hit.storedAt < this.options.maxAgeMs) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.report;
    }
    const report = this.inner[insight](tenantId, filters);
    const entry: Entry = { version, storedAt: now, report };
    this.entries.set(key, entry);
    report.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.evict();
    return report;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) return;
      this.entries.delete(key);
    }
  }

  private forget(tenantId: string): void {
    const prefix = JSON.stringify([tenantId]).slice(0, -1);
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${prefix},`)) this.entries.delete(key);
  }
}

import type { StatusEntry } from '@credstream/issuance/domain';
import type { StatusPurpose } from '@credstream/open-badges';
import type { StatusEntryAllocator, StatusListOwner } from './status-entry-allocator.port';

/**
 * Allocates ahead in chunks for one bulk job (one issuer), so a job appends one allocation per purpose every
 * `chunk` credentials instead of one per batch. Entries left when the job ends stay allocated and unused: an
 * index is never reused, so that only costs list capacity (at most one chunk per purpose and job).
 */
export class PrefetchingStatusAllocator implements StatusEntryAllocator {
  private readonly pools = new Map<string, StatusEntry[]>();
  private remaining: number;

  constructor(
    private readonly allocator: StatusEntryAllocator,
    private readonly chunk: number,
    /** Entries the job will need at most, per purpose: no prefetch beyond it. */
    expected: number,
  ) {
    this.remaining = expected;
  }

  async allocate(owner: StatusListOwner, purpose: StatusPurpose, count: number): Promise<StatusEntry[]> {
    const key = `${owner.issuerId}:${purpose}`;
    const pool = this.pools.get(key) ?? [];
    this.pools.set(key, pool);
    if (pool.length < count) {
      const ahead = Math.max(count - pool.length, Math.min(this.chunk, Math.max(this.remaining, count)));
      pool.push(...(await this.allocator.allocate(owner, purpose, ahead)));
    }
    if (purpose === 'revocation') this.remaining = Math.max(this.remaining - count, 0);
    return pool.splice(0, count);
  }
}

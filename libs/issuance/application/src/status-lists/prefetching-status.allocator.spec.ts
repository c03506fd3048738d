import type { StatusEntryAllocator } from './status-entry-allocator.port';
import { PrefetchingStatusAllocator } from './prefetching-status.allocator';

describe('prefetching status allocator (bulk jobs)', () => {
  const owner = { tenantId: 'uni-a', issuerId: 'issuer-1' };

  const counting = () => {
    const calls: [string, number][] = [];
    let next = 0;
    const allocator: StatusEntryAllocator = {
      allocate: async (_owner, purpose, count) => {
        calls.push([purpose, count]);
        return Array.from({ length: count }, () => ({ statusListId: `list-${purpose}`, index: next++ }));
      },
    };
    return { calls, allocator };
  };

  it('allocates a chunk at a time, hands out distinct entries, and never more than the job needs ahead', async () => {
    const { calls, allocator } = counting();
    const prefetching = new PrefetchingStatusAllocator(allocator, 1_000, 2_500);
    const seen = new Set<number>();
    for (let batch = 0; batch < 5; batch++) {
      for (const purpose of ['revocation', 'suspension'] as const) {
        const entries = await prefetching.allocate(owner, purpose, 500);
        expect(entries).toHaveLength(500);
        for (const entry of entries) {
          expect(entry.statusListId).toBe(`list-${purpose}`);
          expect(seen.has(entry.index)).toBe(false);
          seen.add(entry.index);
        }
      }
    }
    const allocated = (purpose: string) =>
      calls.filter(([p]) => p === purpose).reduce((sum, [, count]) => sum + count, 0);
    expect(calls.filter(([p]) => p === 'revocation')).toHaveLength(3);
    expect(allocated('revocation')).toBeGreaterThanOrEqual(2_500);
    expect(allocated('revocation')).toBeLessThanOrEqual(3_000);
    expect(allocated('suspension')).toBeGreaterThanOrEqual(2_500);
  });

  it('serves a request larger than the chunk in one allocation', async () => {
    const { calls, allocator } = counting();
    const entries = await new PrefetchingStatusAllocator(allocator, 100, 1_000).allocate(owner, 'revocation', 700);
    expect(entries).toHaveLength(700);
    expect(calls).toEqual([['revocation', 700]]);
  });
});

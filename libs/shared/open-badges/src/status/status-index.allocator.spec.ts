import { randomInt } from 'node:crypto';
import { StatusListFullError, allocateStatusIndex, allocateStatusIndexes } from './status-index.allocator';

/** A seeded generator so failures reproduce (mulberry32). */
function seeded(seed: number) {
  let state = seed >>> 0;
  return (max: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

describe('status index allocation', () => {
  it('allocates 100,000 distinct indexes in a 131,072 list quickly and never reuses one', () => {
    const allocated = new Set<number>();
    const started = performance.now();
    const random = seeded(7);
    for (let i = 0; i < 100_000; i++) allocated.add(allocateStatusIndex(131_072, allocated, random));
    expect(allocated.size).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('fills a list completely, then reports it full', () => {
    const allocated = new Set<number>();
    const random = seeded(1);
    for (let i = 0; i < 1024; i++) allocated.add(allocateStatusIndex(1024, allocated, random));
    expect(allocated.size).toBe(1024);
    expect(() => allocateStatusIndex(1024, allocated, random)).toThrow(StatusListFullError);
  });

  it('still picks only free indexes when the random source keeps hitting taken ones', () => {
    const allocated = new Set([0, 1, 2, 3, 5, 6, 7]);
    expect(allocateStatusIndex(8, allocated, () => 0)).toBe(4);
  });

  it('allocates a batch of distinct indexes, or none when they do not fit', () => {
    const existing = new Set([1, 2, 3]);
    const batch = allocateStatusIndexes(50_000, 131_072, existing, randomInt);
    expect(new Set(batch).size).toBe(50_000);
    expect(batch.some((i) => existing.has(i))).toBe(false);
    expect(() => allocateStatusIndexes(6, 8, existing, randomInt)).toThrow(StatusListFullError);
  });
});

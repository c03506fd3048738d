/** Returns a uniformly random integer in [0, maxExclusive); e.g. `crypto.randomInt` in production. */
export type RandomInt = (maxExclusive: number) => number;

export class StatusListFullError extends Error {
  override readonly name = 'StatusListFullError';
  constructor(readonly size: number) {
    super(`all ${size} indexes of the status list are allocated`);
  }
}

/** What the allocator needs to know of the indexes already handed out. */
export interface AllocatedIndexes {
  has(index: number): boolean;
  readonly size: number;
}

/** Random draws before falling back to picking among the free indexes directly (only when the list is dense). */
const MAX_DRAWS = 32;

/**
 * Picks an index never allocated before, uniformly among the free ones (random indexes keep a credential's
 * position from revealing its issuance order). Rejection sampling is O(1) expected while the list is less
 * than ~90 % full; past that a second random draw selects the n-th free index with one scan.
 */
export function allocateStatusIndex(size: number, allocated: AllocatedIndexes, randomInt: RandomInt): number {
  const free = size - allocated.size;
  if (free <= 0) throw new StatusListFullError(size);
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const index = randomInt(size);
    if (!allocated.has(index)) return index;
  }
  let nth = randomInt(free);
  for (let index = 0; index < size; index++) {
    if (allocated.has(index)) continue;
    if (nth === 0) return index;
    nth--;
  }
  throw new StatusListFullError(size);
}

/** Allocates `count` distinct new indexes at once (bulk issuance); throws before allocating any if they do not fit. */
export function allocateStatusIndexes(
  count: number,
  size: number,
  allocated: AllocatedIndexes,
  randomInt: RandomInt,
): number[] {
  if (count > size - allocated.size) throw new StatusListFullError(size);
  const taken = new Set<number>();
  const view: AllocatedIndexes = {
    has: (index) => taken.has(index) || allocated.has(index),
    get size() {
      return allocated.size + taken.size;
    },
  };
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = allocateStatusIndex(size, view, randomInt);
    taken.add(index);
    result.push(index);
  }
  return result;
}

/**
 * Remembers since when the relay has been waiting for a position that was allocated but holds no commit.
 * Usually the commit is in flight and lands within milliseconds; after the grace period the relay closes
 * the position (the appender crashed between taking it and inserting, or is stalled — then its insert
 * fails on the closed position and it takes a new one).
 */
export class GapWatch {
  private position: number | undefined;
  private since = 0;

  constructor(private readonly graceMs: number) {}

  /** True once `position` has been missing for the grace period. */
  expired(position: number, nowMs: number): boolean {
    if (this.position !== position) {
      this.position = position;
      this.since = nowMs;
    }
    return nowMs - this.since >= this.graceMs;
  }

  clear(): void {
    this.position = undefined;
  }
}

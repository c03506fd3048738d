/**
 * Decides whether a key's use is worth recording: at most once per `intervalMs` per key in this process, so a
 * busy key costs one write a minute instead of one per request. Forgets everything beyond `maxKeys` keys.
 */
export class LastUseThrottle {
  private readonly recorded = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  shouldRecord(keyId: string, nowMs: number): boolean {
    const last = this.recorded.get(keyId);
    if (last !== undefined && nowMs - last < this.intervalMs) return false;
    if (this.recorded.size >= this.maxKeys) this.recorded.clear();
    this.recorded.set(keyId, nowMs);
    return true;
  }
}

const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: Promise<T>;
  /** Set once `value` resolved. */
  loaded?: { value: T };
  expiresAt: number;
}

/**
 * A small read-through cache: one load per key at a time, entries live `ttlMs` (0 disables caching). A loaded value
 * is also at hand synchronously (`peek`) while fresh.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) return entry.value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const value = load();
    const fresh: Entry<T> = { value, expiresAt: now + this.ttlMs };
    this.entries.set(key, fresh);
    value.then(
      (loaded) => (fresh.loaded = { value: loaded }),
      () => this.entries.delete(key),
    );
    return value;
  }

  /** The fresh, loaded value of `key`; undefined when it is not cached, stale or still loading. */
  peek(key: string): { value: T } | undefined {
    const entry = this.entries.get(key);
    return entry && entry.expiresAt > Date.now() ? entry.loaded : undefined;
  }
}

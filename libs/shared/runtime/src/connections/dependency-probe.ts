/** Something a service depends on whose reachability decides readiness. */
export interface DependencyProbe {
  /** Stable name reported by /health/ready, e.g. "kafka", "mongodb", "clickhouse". */
  readonly name: string;
  /** Resolves when the dependency answers; rejects with a short reason otherwise. */
  check(): Promise<void>;
}

export const READINESS_PROBES = Symbol('READINESS_PROBES');

export function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A connection the runtime opens at start-up and closes on shutdown; it is also its own readiness probe. */
export interface ManagedConnection extends DependencyProbe {
  /** Begins connecting in the background; start-up never waits for a dependency. */
  start?(): void;
  close(): Promise<void>;
}

/** A JSON client for one credstream service, as a partner integration would write it. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface CallOptions {
  apiKey?: string;
  /** Dates the call's work in the past (the services run with ALLOW_HISTORICAL_TIMESTAMPS in the demo). */
  occurredAt?: Date;
  headers?: Record<string, string>;
  body?: unknown;
}

const RETRIES = 5;

export class ServiceClient {
  constructor(readonly baseUrl: string) {}

  async call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.apiKey) headers['authorization'] = `Bearer ${options.apiKey}`;
    if (options.occurredAt) headers['x-credstream-occurred-at'] = options.occurredAt.toISOString();
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        });
      } catch (error) {
        if (attempt >= RETRIES) throw error;
        await pause(attempt);
        continue;
      }
      if ((response.status >= 500 || response.status === 429) && attempt < RETRIES) {
        await pause(attempt, response.headers.get('retry-after'));
        continue;
      }
      const text = await response.text();
      const payload = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
      if (!response.ok) {
        const problem = typeof payload === 'object' && payload ? (payload as { code?: string; detail?: string }) : {};
        throw new ServiceError(
          response.status,
          problem.code,
          `${method} ${path}: ${response.status} ${problem.code ?? ''} ${problem.detail ?? text.slice(0, 200)}`,
        );
      }
      return payload as T;
    }
  }
}

function pause(attempt: number, retryAfter?: string | null): Promise<void> {
  const seconds = Number(retryAfter);
  const ms = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 200 * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

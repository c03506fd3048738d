export interface CallOptions {
  /** `Authorization: Bearer …` (an API key or the platform admin token). */
  bearer?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The body as JSON (throws when it is not). */
  body: Record<string, unknown>;
  /** `name=value` of the first cookie the response set. */
  cookie: string | undefined;
}

/** One real HTTP request to a running service, as a client integration would send it. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.bearer) headers['authorization'] = `Bearer ${options.bearer}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
    redirect: 'manual',
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    get body() {
      return JSON.parse(text) as Record<string, unknown>;
    },
    cookie: response.headers.get('set-cookie')?.split(';')[0],
  };
}

/** The result when its status is the expected one, else an error showing what the service answered. */
export function expectStatus(result: CallResult, status: number, what: string): CallResult {
  if (result.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${result.status}: ${result.text.slice(0, 1_000)}`);
  }
  return result;
}

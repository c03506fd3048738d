import { lookup as dnsLookup } from 'node:dns/promises';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isBlockedAddress, isLoopbackAddress, LOCALHOST_NAMES } from './address-policy';

export type SafeFetchFailureCode =
  'ADDRESS_NOT_ALLOWED' | 'TIMEOUT' | 'TOO_LARGE' | 'TOO_MANY_REDIRECTS' | 'HTTP_ERROR' | 'NETWORK_ERROR';

export type SafeFetchResult =
  | { ok: true; status: number; body: string; headers: IncomingHttpHeaders }
  | { ok: false; code: SafeFetchFailureCode; message: string; status?: number };

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface SafeHttpFetcherOptions {
  /** Whole fetch, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Development only: plain http to localhost, 127.0.0.1 or ::1, which then may resolve to loopback. */
  allowInsecureLocalhost: boolean;
  /** DNS resolution (all addresses); replaceable in tests. */
  resolveHost: (hostname: string) => Promise<ResolvedAddress[]>;
}

export const DEFAULT_SAFE_HTTP_OPTIONS: SafeHttpFetcherOptions = {
  timeoutMs: 3_000,
  maxBytes: 256 * 1024,
  maxRedirects: 3,
  allowInsecureLocalhost: false,
  resolveHost: (hostname) => dnsLookup(hostname, { all: true, verbatim: true }),
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class FetchFailure extends Error {
  constructor(
    readonly code: SafeFetchFailureCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * GET over https for documents named by credentials (DID documents, JWKs, status lists): every hop's host is
 * resolved and checked against private, loopback and other internal ranges, and the connection goes to the very
 * addresses checked, so a DNS answer that changes between check and connect (rebinding) cannot reach inside.
 * Never throws.
 */
export class SafeHttpFetcher {
  private readonly options: SafeHttpFetcherOptions;

  constructor(options: Partial<SafeHttpFetcherOptions> = {}) {
    this.options = { ...DEFAULT_SAFE_HTTP_OPTIONS, ...options };
  }

  async get(url: string, accept: string): Promise<SafeFetchResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    const timeout = new Promise<never>((_, reject) =>
      controller.signal.addEventListener('abort', () =>
        reject(new FetchFailure('TIMEOUT', `no complete answer within ${this.options.timeoutMs} ms`)),
      ),
    );
    void timeout.catch(() => undefined);
    try {
      return await Promise.race([this.follow(url, accept, controller.signal), timeout]);
    } catch (error) {
      if (error instanceof FetchFailure) {
        return error.status === undefined
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: error.code, message: error.message, status: error.status };
      }
      return { ok: false, code: 'NETWORK_ERROR', message: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  private async follow(url: string, accept: string, signal: AbortSignal): Promise<SafeFetchResult> {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const target = this.checkUrl(current);
      const addresses = await this.checkedAddresses(target);
      const response = await this.request(target, addresses, accept, signal);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.resume();
        if (redirects >= this.options.maxRedirects) {
          throw new FetchFailure('TOO_MANY_REDIRECTS', `more than ${this.options.maxRedirects} redirects`);
        }
        current = new URL(location, target).toString();
        continue;
      }
      const status = response.statusCode ?? 0;
      const body = await this.readBody(response);
      if (status < 200 || status >= 300)
        throw new FetchFailure('HTTP_ERROR', `${target.href} answered ${status}`, status);
      return { ok: true, status, body, headers: response.headers };
    }
  }

  private checkUrl(url: string): URL {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new FetchFailure('ADDRESS_NOT_ALLOWED', `not a URL: ${url}`);
    }
    const insecureAllowed = target.protocol === 'http:' && this.isDevLocalhost(target);
    if (target.protocol !== 'https:' && !insecureAllowed) {
      throw new FetchFailure('ADDRESS_NOT_ALLOWED', `only https URLs are fetched, not ${target.protocol}`);
    }
    if (target.username || target.password)
      throw new FetchFailure('ADDRESS_NOT_ALLOWED', 'URLs with credentials are refused');
    return target;
  }

  private async checkedAddresses(target: URL): Promise<ResolvedAddress[]> {
    const host = bareHost(target);
    const family = isIP(host);
    let addresses: ResolvedAddress[];
    try {
      addresses = family ? [{ address: host, family }] : await this.options.resolveHost(host);
    } catch (error) {
      throw new FetchFailure('NETWORK_ERROR', `${host} does not resolve: ${(error as Error).message}`);
    }
    if (addresses.length === 0) throw new FetchFailure('NETWORK_ERROR', `${host} does not resolve`);
    const devLocalhost = this.isDevLocalhost(target);
    const refused = addresses.find(({ address }) =>
      devLocalhost ? !isLoopbackAddress(address) : isBlockedAddress(address),
    );
    if (refused)
      throw new FetchFailure('ADDRESS_NOT_ALLOWED', `${host} resolves to ${refused.address}, which is not allowed`);
    return addresses;
  }

  private isDevLocalhost(target: URL): boolean {
    return this.options.allowInsecureLocalhost && LOCALHOST_NAMES.has(bareHost(target));
  }

  private request(
    target: URL,
    addresses: ResolvedAddress[],
    accept: string,
    signal: AbortSignal,
  ): Promise<IncomingMessage> {
    // Connects only to the addresses checked above, whatever DNS would answer now.
    const lookup: LookupFunction = (_hostname, options, callback) => {
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(target, {
        method: 'GET',
        headers: { accept, 'user-agent': 'credstream-verifier' },
        lookup,
        signal,
        agent: false,
      });
      req.on('response', resolve);
      req.on('error', (error) => reject(new FetchFailure('NETWORK_ERROR', error.message)));
      req.end();
    });
  }

  private readBody(response: IncomingMessage): Promise<string> {
    const { maxBytes } = this.options;
    const tooLarge = () => new FetchFailure('TOO_LARGE', `the response exceeds ${maxBytes} bytes`);
    if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
      response.destroy();
      return Promise.reject(tooLarge());
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          reject(tooLarge());
          response.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', (error) => reject(new FetchFailure('NETWORK_ERROR', error.message)));
      response.on('aborted', () => reject(new FetchFailure('NETWORK_ERROR', 'the response was cut short')));
    });
  }
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

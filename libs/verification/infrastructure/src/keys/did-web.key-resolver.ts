import { didWebUrl, splitDidUrl } from '@credstream/open-badges';
import type { KeyResolution, KeyResolutionFailureCode, KeyResolver } from '@credstream/verification/application';
import { maxAgeMsOf } from '../http/cache-control';
import type { SafeHttpFetcher } from '../http/safe-http.fetcher';
import { assertionKeyOf, isObject, jwkAt, type MethodLookup } from './did-document';
import { TtlCache } from './ttl-cache';

export interface KeyCacheOptions {
  /** When the response says nothing about caching. */
  defaultTtlMs: number;
  /** However long the response allows: a key removed from a DID document must stop verifying within this. */
  maxTtlMs: number;
  /** Failures are kept briefly, so a dead host is not fetched for every credential yet recovers soon. */
  negativeTtlMs: number;
  maxEntries: number;
  /** Development only: did:web:localhost%3A<port> over plain http. */
  allowInsecureLocalhost: boolean;
  now: () => number;
}

export const DEFAULT_KEY_CACHE: KeyCacheOptions = {
  defaultTtlMs: 5 * 60_000,
  maxTtlMs: 60 * 60_000,
  negativeTtlMs: 30_000,
  maxEntries: 1_000,
  allowInsecureLocalhost: false,
  now: () => Date.now(),
};

type Failed = { ok: false; failure: { code: KeyResolutionFailureCode; message: string } };
type Document = { ok: true; document: Record<string, unknown> } | Failed;

const DID_ACCEPT = 'application/did+json, application/did+ld+json;q=0.9, application/json;q=0.8';
const JWK_ACCEPT = 'application/jwk+json, application/jwk-set+json;q=0.9, application/json;q=0.8';

/**
 * Resolves a did:web verification method or an https `kid` to its public JWK, through {@link SafeHttpFetcher}.
 * Documents are cached by URL (several kids share one DID document); concurrent lookups share one fetch.
 * web-did-resolver fetches with its own cross-fetch, which cannot be made SSRF-safe, so the did:web mapping is
 * done here with `didWebUrl`.
 */
export class DidWebKeyResolver implements KeyResolver {
  private readonly options: KeyCacheOptions;
  private readonly cache: TtlCache<Document>;
  private readonly inFlight = new Map<string, Promise<Document>>();

  constructor(
    private readonly fetcher: SafeHttpFetcher,
    options: Partial<KeyCacheOptions> = {},
  ) {
    this.options = { ...DEFAULT_KEY_CACHE, ...options };
    this.cache = new TtlCache(this.options.maxEntries, this.options.now);
  }

  async resolve(kid: string): Promise<KeyResolution> {
    if (kid.startsWith('did:web:')) return this.resolveDidWeb(kid);
    if (kid.startsWith('did:')) {
      return failed('DID_METHOD_UNSUPPORTED', `the DID method of ${kid} is not supported`);
    }
    if (/^https?:\/\//i.test(kid)) {
      const url = kid.split('#')[0] ?? kid;
      const loaded = await this.load(url, JWK_ACCEPT, 'KEY_NOT_FOUND');
      return loaded.ok ? toResolution(jwkAt(loaded.document, kid)) : loaded;
    }
    return failed('KEY_NOT_FOUND', `the kid ${kid} is neither a DID URL nor an https URL`);
  }

  private async resolveDidWeb(kid: string): Promise<KeyResolution> {
    const { did, fragment } = splitDidUrl(kid);
    if (!fragment) return failed('KEY_NOT_FOUND', `the kid ${kid} names no verification method`);
    let url: string;
    try {
      url = didWebUrl(did, { allowHttp: this.options.allowInsecureLocalhost });
    } catch (error) {
      return failed('DID_UNRESOLVABLE', (error as Error).message);
    }
    const loaded = await this.load(url, DID_ACCEPT, 'DID_UNRESOLVABLE');
    if (!loaded.ok) return loaded;
    if (loaded.document['id'] !== did) {
      return failed('DID_UNRESOLVABLE', `the document at ${url} is not the DID document of ${did}`);
    }
    return toResolution(assertionKeyOf(loaded.document, did, kid));
  }

  private load(url: string, accept: string, unreachable: KeyResolutionFailureCode): Promise<Document> {
    const cached = this.cache.get(url);
    if (cached) return Promise.resolve(cached);
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.fetchDocument(url, accept, unreachable).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return pending;
  }

  private async fetchDocument(url: string, accept: string, unreachable: KeyResolutionFailureCode): Promise<Document> {
    const { defaultTtlMs, maxTtlMs, negativeTtlMs } = this.options;
    const response = await this.fetcher.get(url, accept);
    if (!response.ok) {
      const code = response.code === 'ADDRESS_NOT_ALLOWED' ? 'ADDRESS_NOT_ALLOWED' : unreachable;
      const result = failed(code, `${url}: ${response.code}: ${response.message}`);
      this.cache.set(url, result, negativeTtlMs);
      return result;
    }
    let document: unknown;
    try {
      document = JSON.parse(response.body);
    } catch {
      document = undefined;
    }
    if (!isObject(document)) {
      const result = failed(unreachable, `${url} did not return a JSON object`);
      this.cache.set(url, result, negativeTtlMs);
      return result;
    }
    const result: Document = { ok: true, document };
    this.cache.set(url, result, Math.min(maxAgeMsOf(response.headers['cache-control']) ?? defaultTtlMs, maxTtlMs));
    return result;
  }
}

function toResolution(lookup: MethodLookup): KeyResolution {
  return lookup.ok ? lookup : failed(lookup.code, lookup.message);
}

function failed(code: KeyResolutionFailureCode, message: string): Failed {
  return { ok: false, failure: { code, message } };
}

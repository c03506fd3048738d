import type { FetchedStatusList, StatusListFetcher } from '@credstream/verification/application';
import { maxAgeMsOf } from '../http/cache-control';
import type { SafeHttpFetcher } from '../http/safe-http.fetcher';

const ACCEPT = 'application/vc+jwt, application/jwt;q=0.9, application/vc+ld+json;q=0.8, application/json;q=0.7';
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/** {@link StatusListFetcher} over {@link SafeHttpFetcher}: a compact VC-JWT as text, or a JSON document. */
export class HttpStatusListFetcher implements StatusListFetcher {
  constructor(private readonly fetcher: SafeHttpFetcher) {}

  async fetch(url: string): Promise<FetchedStatusList> {
    const response = await this.fetcher.get(url, ACCEPT);
    if (!response.ok) return { ok: false, message: `${response.code}: ${response.message}` };
    const text = response.body.trim();
    const maxAgeMs = maxAgeMsOf(response.headers['cache-control']);
    const withMaxAge = (document: string | Record<string, unknown>): FetchedStatusList =>
      maxAgeMs === undefined ? { ok: true, document } : { ok: true, document, maxAgeMs };
    if (COMPACT_JWS.test(text)) return withMaxAge(text);
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        return withMaxAge(parsed as Record<string, unknown>);
      }
    } catch {
      // reported below
    }
    return { ok: false, message: `${url} returned neither a compact JWT nor a JSON object` };
  }
}

export type FetchedStatusList =
  | {
      ok: true;
      /** A compact VC-JWT, or a parsed JSON document (e.g. an EnvelopedVerifiableCredential). */
      document: string | Record<string, unknown>;
      /** From Cache-Control max-age, when the response said. */
      maxAgeMs?: number;
    }
  | { ok: false; message: string };

/** Fetches a status list credential as published (HTTPS, timeouts, size limits, SSRF protection); no checks. */
export interface StatusListFetcher {
  fetch(url: string): Promise<FetchedStatusList>;
}

export const STATUS_LIST_FETCHER = Symbol('STATUS_LIST_FETCHER');

import type { StatusListLookup } from '@credstream/verification/domain';

/**
 * A status list credential by URL, its own proof verified and its list decoded, or why not (STATUS_UNAVAILABLE,
 * STATUS_LIST_INVALID). Implementations cache by the list's `ttl` or the response's Cache-Control.
 * {@link VerifiedStatusListProvider} is the implementation; infrastructure supplies its fetcher.
 */
export interface StatusListProvider {
  get(url: string): Promise<StatusListLookup>;
}

export const STATUS_LIST_PROVIDER = Symbol('STATUS_LIST_PROVIDER');

import type { StatusPurpose } from '@credstream/open-badges';

/** Identifies one list of an issuer's series for a purpose: lists are numbered 1, 2, … as they fill. */
export interface StatusListKey {
  issuerId: string;
  purpose: StatusPurpose;
  seq: number;
}

/** The signed status list credential as served. */
export interface PublishedStatusList extends StatusListKey {
  url: string;
  tenantId: string;
  jwt: string;
  /** Stream version it was generated from: a stale regeneration never overwrites a newer one. */
  version: number;
  updatedAt: string;
}

/** Which list of a series takes new allocations, and the signed lists as served. */
export interface StatusListRepository {
  currentSeq(issuerId: string, purpose: StatusPurpose): Promise<number>;
  /** Moves the series to `seq + 1` unless another writer moved it already; returns the current seq. */
  advance(issuerId: string, purpose: StatusPurpose, fromSeq: number): Promise<number>;
  savePublished(list: PublishedStatusList): Promise<void>;
  findPublished(key: StatusListKey): Promise<PublishedStatusList | undefined>;
}

export const STATUS_LIST_REPOSITORY = Symbol('STATUS_LIST_REPOSITORY');

export interface StatusListSettings {
  /** Base URL the service is reachable at publicly, e.g. https://issuance.credstream.example (no trailing slash). */
  publicBaseUrl: string;
  /** Entries per list (bits): at least 131,072. */
  size: number;
  /** A list takes no new allocations beyond this share of its size, so random picks stay cheap and private. */
  maxFill: number;
  /** `ttl` in the list credential and Cache-Control max-age, milliseconds. */
  ttlMs: number;
}

export const STATUS_LIST_SETTINGS = Symbol('STATUS_LIST_SETTINGS');

const STATUS_PATH = /\/status-lists\/([0-9a-f-]{36})\/(revocation|suspension)\/(\d+)$/;

export const statusListUrl = (baseUrl: string, key: StatusListKey): string =>
  `${baseUrl}/status-lists/${key.issuerId}/${key.purpose}/${key.seq}`;

export const statusListStreamId = (key: StatusListKey): string =>
  `status-list-${key.issuerId}-${key.purpose}-${key.seq}`;

/** The key of a list URL this service minted, or undefined for any other URL. */
export function statusListKeyOf(url: string): StatusListKey | undefined {
  const match = STATUS_PATH.exec(url);
  if (!match) return undefined;
  return { issuerId: match[1], purpose: match[2] as StatusPurpose, seq: Number(match[3]) };
}

import type { ApiKeyScope } from './api-key-scopes';

/** What authorising a request needs to know about a key: never the secret, only its hash. */
export interface ApiKeyRecord {
  keyId: string;
  tenantId: string;
  scopes: readonly ApiKeyScope[];
  /** Lower-case sha256 hex of the full key. */
  hash: string;
  revoked: boolean;
}

/** Where keys are looked up: a read model fed by the tenant events (see MongoApiKeyDirectory). */
export interface ApiKeyDirectory {
  find(keyId: string): Promise<ApiKeyRecord | undefined>;
}

/** Records that a key authenticated a request; called at most once per key per interval (see LastUseThrottle). */
export interface ApiKeyUsageRecorder {
  recordUse(key: { keyId: string; tenantId: string }, usedAt: Date): Promise<void>;
}

export const API_KEY_DIRECTORY = Symbol.for('credstream.access.ApiKeyDirectory');
export const API_KEY_USAGE_RECORDER = Symbol.for('credstream.access.ApiKeyUsageRecorder');

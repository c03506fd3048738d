import type { DomainEvent } from '@credstream/event-sourcing';

export const API_KEY_SCOPES = ['issue', 'revoke', 'admin', 'analytics-read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface TenantCreatedData {
  tenantId: string;
  name: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  sector?: string;
}

export interface ApiKeyCreatedData {
  keyId: string;
  name: string;
  prefix: string;
  /** sha256 hex of the secret; the secret itself is shown once and never stored. */
  hash: string;
  scopes: ApiKeyScope[];
}

export type TenantEvent =
  | DomainEvent<'tenant.created.v1', TenantCreatedData>
  | DomainEvent<'api-key.created.v1', ApiKeyCreatedData>
  | DomainEvent<'api-key.revoked.v1', { keyId: string }>
  // Internal (not in the contracts): throttled by the decider, see RecordApiKeyUse.
  | DomainEvent<'api-key.used', { keyId: string; usedAt: string }>;

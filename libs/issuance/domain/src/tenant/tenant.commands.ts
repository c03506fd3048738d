import type { DomainCommand } from '@credstream/event-sourcing';

export type CreateTenant = DomainCommand<
  'create-tenant',
  { tenantId: string; name: string; country: string; sector?: string }
>;

export type CreateApiKey = DomainCommand<
  'create-api-key',
  { keyId: string; name: string; prefix: string; hash: string; scopes: readonly string[] }
>;

export type RevokeApiKey = DomainCommand<'revoke-api-key', { keyId: string }>;

/**
 * Records that a key authenticated a request. Last use lives in the stream but throttled: an event only when
 * the recorded last use is at least `minIntervalMs` older, so a busy key costs a few events a day instead of one
 * per request (and rarely contends with admin commands on the tenant stream).
 */
export type RecordApiKeyUse = DomainCommand<
  'record-api-key-use',
  { keyId: string; usedAt: string; minIntervalMs: number }
>;

export type TenantCommand = CreateTenant | CreateApiKey | RevokeApiKey | RecordApiKeyUse;

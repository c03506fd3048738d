import type { ApiKeyScope } from '../api-key/api-key-scopes';

/** One API key as the read model holds it (`_id` is the key id). Never holds a secret. */
export interface ApiKeyDocument {
  _id: string;
  tenantId?: string;
  name?: string;
  prefix?: string;
  hash?: string;
  scopes?: ApiKeyScope[];
  revoked?: boolean;
  createdAt?: string;
  revokedAt?: string;
  lastUsedAt?: string;
  aggregateVersion: number;
}

/** One tenant (institution) as the read model holds it (`_id` is the tenant id). */
export interface TenantDocument {
  _id: string;
  name?: string;
  country?: string;
  sector?: string;
  createdAt?: string;
  aggregateVersion: number;
}

/** A key as its tenant's administrators see it listed: prefix, scopes, dates, never the hash. */
export interface ApiKeyView {
  keyId: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  revoked: boolean;
  createdAt: string;
  revokedAt?: string;
  lastUsedAt?: string;
}

export interface TenantView {
  tenantId: string;
  name: string;
  country: string;
  sector?: string;
  createdAt: string;
}

export function apiKeyViewOf(document: ApiKeyDocument): ApiKeyView | undefined {
  const { _id, tenantId, name, prefix, scopes, createdAt } = document;
  if (!tenantId || !name || !prefix || !scopes || !createdAt) return undefined;
  const view: ApiKeyView = {
    keyId: _id,
    tenantId,
    name,
    prefix,
    scopes,
    revoked: document.revoked === true,
    createdAt,
  };
  if (document.revokedAt) view.revokedAt = document.revokedAt;
  if (document.lastUsedAt) view.lastUsedAt = document.lastUsedAt;
  return view;
}

export function tenantViewOf(document: TenantDocument): TenantView | undefined {
  const { _id, name, country, sector, createdAt } = document;
  if (!name || !country || !createdAt) return undefined;
  return sector ? { tenantId: _id, name, country, sector, createdAt } : { tenantId: _id, name, country, createdAt };
}

import type { ApiKeyScope, TenantCreatedData } from './tenant.events';

export interface ApiKeyState {
  keyId: string;
  name: string;
  prefix: string;
  hash: string;
  scopes: readonly ApiKeyScope[];
  revoked: boolean;
  lastUsedAt?: string;
}

export interface TenantState {
  /** Undefined until the tenant is created. */
  profile?: Readonly<TenantCreatedData>;
  apiKeys: Readonly<Record<string, ApiKeyState>>;
}

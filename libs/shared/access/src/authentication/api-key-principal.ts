import type { ApiKeyScope } from '../api-key/api-key-scopes';

/** Who a request acts for once its API key is accepted: every tenant-scoped route works on `tenantId` only. */
export interface ApiKeyPrincipal {
  tenantId: string;
  keyId: string;
  scopes: readonly ApiKeyScope[];
}

import type { ApiKeyScope } from '@credstream/issuance/domain';

/** What creating a key returns, once: the secret key itself plus how it is listed from then on. */
export interface CreatedApiKey {
  keyId: string;
  /** The full secret key. Shown once: only its hash is kept. */
  key: string;
  prefix: string;
  name: string;
  scopes: ApiKeyScope[];
  createdAt: string;
}

export interface ApiKeyRequest {
  name: string;
  scopes: readonly string[];
}

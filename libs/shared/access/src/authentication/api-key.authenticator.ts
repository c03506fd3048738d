import { apiKeyMatches, parseApiKey } from '../api-key/api-key-token';
import type { ApiKeyDirectory, ApiKeyUsageRecorder } from '../api-key/api-key-directory.port';
import { missingScopes, type ApiKeyScope } from '../api-key/api-key-scopes';
import { accessUnavailable, apiKeyInvalid, apiKeyRevoked, apiKeyScopeMissing } from './access-errors';
import type { ApiKeyPrincipal } from './api-key-principal';
import { LastUseThrottle } from './last-use-throttle';

export interface ApiKeyAuthenticatorOptions {
  /** Least time between two recorded uses of one key; default one minute. */
  lastUseIntervalMs?: number;
  /** Told about failed last-use writes (they never fail the request). */
  onRecordError?: (error: unknown) => void;
  now?: () => Date;
}

/** Checks a presented key against the directory, and its scopes against what an operation needs. */
export class ApiKeyAuthenticator {
  private readonly throttle: LastUseThrottle;
  private readonly now: () => Date;

  constructor(
    private readonly directory: ApiKeyDirectory,
    private readonly usage: ApiKeyUsageRecorder | undefined,
    private readonly options: ApiKeyAuthenticatorOptions = {},
  ) {
    this.throttle = new LastUseThrottle(options.lastUseIntervalMs ?? 60_000);
    this.now = options.now ?? (() => new Date());
  }

  /**
   * The principal of a valid key with every required scope; otherwise 401 API_KEY_INVALID (missing, malformed,
   * unknown or wrong secret), 401 API_KEY_REVOKED (only once the secret matched), or 403 API_KEY_SCOPE_MISSING.
   */
  async authenticate(token: string | undefined, required: readonly ApiKeyScope[] = []): Promise<ApiKeyPrincipal> {
    const parsed = parseApiKey(token);
    if (!parsed || token === undefined) throw apiKeyInvalid();
    const record = await this.lookUp(parsed.keyId);
    // Revocation is told only to a caller who holds the secret: a guesser learns nothing about key ids.
    if (!record || record.keyId !== parsed.keyId || !apiKeyMatches(token, record.hash)) throw apiKeyInvalid();
    if (record.revoked) throw apiKeyRevoked();
    const missing = missingScopes(record.scopes, required);
    if (missing.length > 0) throw apiKeyScopeMissing(missing);
    this.recordUse(record.keyId, record.tenantId);
    return { tenantId: record.tenantId, keyId: record.keyId, scopes: [...record.scopes] };
  }

  private async lookUp(keyId: string) {
    try {
      return await this.directory.find(keyId);
    } catch {
      throw accessUnavailable();
    }
  }

  private recordUse(keyId: string, tenantId: string): void {
    if (!this.usage) return;
    const now = this.now();
    if (!this.throttle.shouldRecord(keyId, now.getTime())) return;
    this.usage.recordUse({ keyId, tenantId }, now).catch((error: unknown) => this.options.onRecordError?.(error));
  }
}

import type { EventEnvelope } from '@credstream/contracts';
import { NonRetriableError, upsertIfNewer, type VersionedUpsertResult } from '@credstream/messaging';
import { isApiKeyScope } from '../api-key/api-key-scopes';
import type { MongoApiKeyDirectory } from './mongo-api-key.directory';

/** Event types the projection reads; all on the issuance tenant topic, all from the issuance service. */
export const ACCESS_EVENT_TYPES = ['tenant.created.v1', 'api-key.created.v1', 'api-key.revoked.v1'] as const;

const TRUSTED_SOURCE = 'issuance';

interface TenantCreated {
  tenantId: string;
  name: string;
  country: string;
  sector?: string;
}
interface ApiKeyCreated {
  keyId: string;
  name: string;
  prefix: string;
  hash: string;
  scopes: string[];
}

/**
 * Folds tenant events into the directory. Every write is version-checked against the tenant stream's version
 * (upsertIfNewer), so redeliveries, replays and the issuance write path applying the same event twice are no-ops,
 * and an old `api-key.created.v1` can never un-revoke a key.
 */
export class ApiKeyProjection {
  constructor(private readonly directory: MongoApiKeyDirectory) {}

  async apply(event: EventEnvelope): Promise<VersionedUpsertResult | 'ignored'> {
    if (event.source !== TRUSTED_SOURCE) {
      throw new NonRetriableError(
        `${event.type} from ${event.source}: only ${TRUSTED_SOURCE} manages tenants and keys`,
      );
    }
    switch (event.type) {
      case 'tenant.created.v1': {
        const { tenantId, name, country, sector } = event.data as TenantCreated;
        const fields = { name, country, createdAt: event.occurredAt, ...(sector ? { sector } : {}) };
        return upsertIfNewer(this.directory.tenants, tenantId, event.aggregateVersion, { $set: fields });
      }
      case 'api-key.created.v1': {
        const { keyId, name, prefix, hash, scopes } = event.data as ApiKeyCreated;
        const fields = {
          tenantId: event.tenantId,
          name,
          prefix,
          hash,
          scopes: scopes.filter(isApiKeyScope),
          revoked: false,
          createdAt: event.occurredAt,
        };
        return upsertIfNewer(this.directory.apiKeys, keyId, event.aggregateVersion, { $set: fields });
      }
      case 'api-key.revoked.v1': {
        const { keyId } = event.data as { keyId: string };
        const fields = { tenantId: event.tenantId, revoked: true, revokedAt: event.occurredAt };
        return upsertIfNewer(this.directory.apiKeys, keyId, event.aggregateVersion, { $set: fields });
      }
      default:
        return 'ignored';
    }
  }

  async applyAll(events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) await this.apply(event);
  }
}

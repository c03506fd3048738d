import type { EventStore } from '@credstream/event-store';
import { tenantDecider } from '@credstream/issuance/domain';
import { executeCommand } from '../../common/execute-command';
import { TENANT_AGGREGATE, tenantStreamId } from '../../tenants/tenant-stream';

/** Records a key's last use in the tenant stream; the decider drops uses closer together than `minIntervalMs`. */
export class RecordApiKeyUseHandler {
  constructor(
    private readonly store: EventStore,
    private readonly minIntervalMs: number,
  ) {}

  async execute(key: { tenantId: string; keyId: string }, usedAt: Date, correlationId: string): Promise<void> {
    await executeCommand(this.store, {
      streamId: tenantStreamId(key.tenantId),
      aggregateType: TENANT_AGGREGATE,
      decider: tenantDecider,
      command: () => ({
        type: 'record-api-key-use' as const,
        data: { keyId: key.keyId, usedAt: usedAt.toISOString(), minIntervalMs: this.minIntervalMs },
      }),
      context: { tenantId: key.tenantId, correlationId },
      retriesOnConflict: 3,
    });
  }
}

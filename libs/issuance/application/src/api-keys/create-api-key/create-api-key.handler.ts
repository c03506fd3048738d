import type { EventStore } from '@credstream/event-store';
import { appendMetadata, type CommandContext } from '../../common/command-context';
import type { TenantEventsProjector } from '../../tenants/tenant-events.projector.port';
import { TENANT_AGGREGATE, tenantStreamId } from '../../tenants/tenant-stream';
import { tenantDecider } from '@credstream/issuance/domain';
import { StreamVersionConflictError } from '@credstream/event-store';
import type { ApiKeyGenerator } from '../api-key-generator.port';
import type { ApiKeyRequest, CreatedApiKey } from '../created-api-key';
import { decideNewApiKey } from './new-api-key';

/** Creates an API key on the caller's tenant; the key is usable as soon as this returns. */
export class CreateApiKeyHandler {
  constructor(
    private readonly store: EventStore,
    private readonly generator: ApiKeyGenerator,
    private readonly projector: TenantEventsProjector,
  ) {}

  async execute(request: ApiKeyRequest, context: CommandContext): Promise<CreatedApiKey> {
    const streamId = tenantStreamId(context.tenantId);
    for (let attempt = 1; ; attempt++) {
      const { state, version } = await this.store.aggregate(streamId, tenantDecider);
      const { events, created } = decideNewApiKey(state, request, this.generator);
      try {
        const appended = await this.store.append(streamId, version, events, appendMetadata(context, TENANT_AGGREGATE));
        await this.projector.project(appended.events);
        return { ...created, createdAt: appended.events[0]?.occurredAt ?? new Date().toISOString() };
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || attempt >= 3) throw error;
      }
    }
  }
}

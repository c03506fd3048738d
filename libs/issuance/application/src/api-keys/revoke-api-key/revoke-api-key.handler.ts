import type { EventStore } from '@credstream/event-store';
import { tenantDecider } from '@credstream/issuance/domain';
import type { CommandContext } from '../../common/command-context';
import { executeCommand } from '../../common/execute-command';
import type { TenantEventsProjector } from '../../tenants/tenant-events.projector.port';
import { TENANT_AGGREGATE, tenantStreamId } from '../../tenants/tenant-stream';

/** Revokes a key of the caller's tenant (API_KEY_NOT_FOUND for any other key); every service stops accepting it. */
export class RevokeApiKeyHandler {
  constructor(
    private readonly store: EventStore,
    private readonly projector: TenantEventsProjector,
  ) {}

  async execute(keyId: string, context: CommandContext): Promise<{ keyId: string; revokedAt: string }> {
    const result = await executeCommand(this.store, {
      streamId: tenantStreamId(context.tenantId),
      aggregateType: TENANT_AGGREGATE,
      decider: tenantDecider,
      command: () => ({ type: 'revoke-api-key' as const, data: { keyId } }),
      context,
    });
    await this.projector.project(result.events);
    return { keyId, revokedAt: result.events[0]?.occurredAt ?? new Date().toISOString() };
  }
}

import type { TenantCreatedData, TenantEvent } from '@credstream/issuance/domain';
import { tenantDecider, TENANT_ERROR_CODES, TenantError } from '@credstream/issuance/domain';
import { evolveAll } from '@credstream/event-sourcing';
import { StreamVersionConflictError, type EventStore } from '@credstream/event-store';
import type { ApiKeyGenerator } from '../../api-keys/api-key-generator.port';
import type { ApiKeyRequest, CreatedApiKey } from '../../api-keys/created-api-key';
import { decideNewApiKey } from '../../api-keys/create-api-key/new-api-key';
import { appendMetadata, type CommandContext } from '../../common/command-context';
import type { TenantEventsProjector } from '../tenant-events.projector.port';
import { TENANT_AGGREGATE, tenantStreamId } from '../tenant-stream';

export interface CreateTenantCommand {
  tenantId: string;
  name: string;
  country: string;
  sector?: string;
  /** The tenant's first key, so its administrators can manage everything else themselves. */
  initialApiKey?: ApiKeyRequest;
}

export interface CreatedTenant extends TenantCreatedData {
  createdAt: string;
  apiKey?: CreatedApiKey;
}

/** Registers an institution and, in the same append, its first API key (so neither exists without the other). */
export class CreateTenantHandler {
  constructor(
    private readonly store: EventStore,
    private readonly generator: ApiKeyGenerator,
    private readonly projector: TenantEventsProjector,
  ) {}

  async execute(command: CreateTenantCommand, context: Omit<CommandContext, 'tenantId'>): Promise<CreatedTenant> {
    const streamId = tenantStreamId(command.tenantId);
    const { state, version } = await this.store.aggregate(streamId, tenantDecider);
    const { initialApiKey, ...tenant } = command;
    const events: TenantEvent[] = tenantDecider.decide({ type: 'create-tenant', data: tenant }, state);
    const key = initialApiKey
      ? decideNewApiKey(evolveAll(tenantDecider, events, state), initialApiKey, this.generator)
      : undefined;
    if (key) events.push(...key.events);
    let appended;
    try {
      appended = await this.store.append(
        streamId,
        version,
        events,
        appendMetadata({ ...context, tenantId: command.tenantId }, TENANT_AGGREGATE),
      );
    } catch (error) {
      if (error instanceof StreamVersionConflictError) {
        throw new TenantError(TENANT_ERROR_CODES.alreadyExists, `tenant ${command.tenantId} already exists`);
      }
      throw error;
    }
    await this.projector.project(appended.events);
    const [created] = appended.events;
    if (!created) throw new Error('create-tenant appended no event');
    const result: CreatedTenant = { ...(created.data as TenantCreatedData), createdAt: created.occurredAt };
    if (key) result.apiKey = { ...key.created, createdAt: created.occurredAt };
    return result;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@credstream/event-store';
import { tenantStreamId } from '@credstream/issuance/application';
import { TENANT_ERROR_CODES, TenantError, type TenantCreatedData } from '@credstream/issuance/domain';

/** The caller's tenant, read from its stream (the source of truth). */
@Injectable()
export class TenantQueries {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async get(tenantId: string): Promise<TenantCreatedData & { createdAt: string }> {
    const [created] = await this.store.readStream(tenantStreamId(tenantId));
    if (created?.type !== 'tenant.created.v1') throw new TenantError(TENANT_ERROR_CODES.notFound, 'no such tenant');
    return { ...(created.data as TenantCreatedData), createdAt: created.occurredAt };
  }
}

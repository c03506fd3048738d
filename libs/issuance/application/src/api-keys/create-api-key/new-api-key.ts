import { evolveAll } from '@credstream/event-sourcing';
import { tenantDecider, type TenantEvent, type TenantState } from '@credstream/issuance/domain';
import type { ApiKeyGenerator } from '../api-key-generator.port';
import type { ApiKeyRequest, CreatedApiKey } from '../created-api-key';

/** Decides a new key on the tenant: the events to append and what to show the caller once appended. */
export function decideNewApiKey(
  state: TenantState,
  request: ApiKeyRequest,
  generator: ApiKeyGenerator,
): { events: TenantEvent[]; state: TenantState; created: Omit<CreatedApiKey, 'createdAt'> } {
  const key = generator.generate();
  const events = tenantDecider.decide(
    {
      type: 'create-api-key',
      data: { keyId: key.keyId, name: request.name, prefix: key.prefix, hash: key.hash, scopes: request.scopes },
    },
    state,
  );
  const created = events.find((event) => event.type === 'api-key.created.v1');
  if (created?.type !== 'api-key.created.v1') throw new Error('create-api-key decided no api-key.created.v1');
  const { keyId, prefix, name, scopes } = created.data;
  return {
    events,
    state: evolveAll(tenantDecider, events, state),
    created: { keyId, key: key.token, prefix, name, scopes },
  };
}

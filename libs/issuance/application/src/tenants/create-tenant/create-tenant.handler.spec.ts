import { createHash, randomBytes } from 'node:crypto';
import type { EventEnvelope } from '@credstream/contracts';
import type { ApiKeyGenerator } from '../../api-keys/api-key-generator.port';
import { CreateApiKeyHandler } from '../../api-keys/create-api-key/create-api-key.handler';
import { RevokeApiKeyHandler } from '../../api-keys/revoke-api-key/revoke-api-key.handler';
import { InMemoryEventStore } from '../../common/testing/in-memory-event-store';
import { CreateTenantHandler } from './create-tenant.handler';

const generator: ApiKeyGenerator = {
  generate() {
    const keyId = `k${randomBytes(10).toString('hex')}`;
    const token = `cs_${keyId}_${randomBytes(32).toString('base64url')}`;
    return { keyId, token, prefix: `cs_${keyId}`, hash: createHash('sha256').update(token).digest('hex') };
  },
};

describe('tenant and API key handlers', () => {
  let store: InMemoryEventStore;
  let projected: EventEnvelope[];
  const projector = { project: async (events: readonly EventEnvelope[]) => void projected.push(...events) };
  const request = {
    tenantId: 'uni-a',
    name: 'University A',
    country: 'PT',
    initialApiKey: { name: 'ops', scopes: ['admin'] },
  };

  beforeEach(() => {
    store = new InMemoryEventStore();
    projected = [];
  });

  it('creates the tenant and its first key in one append, showing the secret once and storing only its hash', async () => {
    const created = await new CreateTenantHandler(store.asEventStore(), generator, projector).execute(request, {
      correlationId: 'c-1',
    });
    expect(created).toMatchObject({ tenantId: 'uni-a', country: 'PT', apiKey: { name: 'ops', scopes: ['admin'] } });
    expect(store.appends).toHaveLength(1);
    const [append] = store.appends;
    expect(append!.events.map((e) => e.type)).toEqual(['tenant.created.v1', 'api-key.created.v1']);
    expect(append!.events.every((e) => e.tenantId === 'uni-a')).toBe(true);
    const keyEvent = append!.events[1]!.data as { hash: string };
    expect(keyEvent.hash).toBe(createHash('sha256').update(created.apiKey!.key).digest('hex'));
    expect(JSON.stringify(store.streams.get('tenant-uni-a'))).not.toContain(created.apiKey!.key);
    expect(projected).toEqual(append!.events);
  });

  it('refuses a second tenant with the same id, with nothing appended', async () => {
    const handler = new CreateTenantHandler(store.asEventStore(), generator, projector);
    await handler.execute(request, { correlationId: 'c-1' });
    await expect(handler.execute(request, { correlationId: 'c-2' })).rejects.toMatchObject({
      code: 'TENANT_ALREADY_EXISTS',
    });
    store.beforeAppend = () => void store.streams.set('tenant-uni-b', [...store.streams.get('tenant-uni-a')!]);
    await expect(handler.execute({ ...request, tenantId: 'uni-b' }, { correlationId: 'c-3' })).rejects.toMatchObject({
      code: 'TENANT_ALREADY_EXISTS',
    });
    expect(store.appends).toHaveLength(1);
  });

  it('creates and revokes keys on the caller’s tenant only', async () => {
    await new CreateTenantHandler(store.asEventStore(), generator, projector).execute(request, { correlationId: 'c' });
    const context = { tenantId: 'uni-a', correlationId: 'c' };
    const key = await new CreateApiKeyHandler(store.asEventStore(), generator, projector).execute(
      { name: 'registrar', scopes: ['revoke', 'issue'] },
      context,
    );
    expect(key.scopes).toEqual(['issue', 'revoke']);
    const revoke = new RevokeApiKeyHandler(store.asEventStore(), projector);
    await expect(revoke.execute(key.keyId, { ...context, tenantId: 'uni-b' })).rejects.toMatchObject({
      code: 'TENANT_NOT_FOUND',
    });
    await expect(revoke.execute(key.keyId, context)).resolves.toMatchObject({ keyId: key.keyId });
    await expect(revoke.execute(key.keyId, context)).rejects.toMatchObject({ code: 'API_KEY_ALREADY_REVOKED' });
    expect(projected.at(-1)).toMatchObject({ type: 'api-key.revoked.v1', data: { keyId: key.keyId } });
  });

  it('refuses unknown scopes with the field at fault', async () => {
    await new CreateTenantHandler(store.asEventStore(), generator, projector).execute(request, { correlationId: 'c' });
    await expect(
      new CreateApiKeyHandler(store.asEventStore(), generator, projector).execute(
        { name: 'x', scopes: ['delete'] },
        { tenantId: 'uni-a', correlationId: 'c' },
      ),
    ).rejects.toMatchObject({ code: 'API_KEY_SCOPE_UNKNOWN', details: { field: 'scopes' } });
  });
});

import { StreamVersionConflictError } from '@credstream/event-store';
import { tenantDecider } from '@credstream/issuance/domain';
import { executeCommand } from './execute-command';
import { PreconditionFailedError } from './precondition-failed.error';
import { InMemoryEventStore } from './testing/in-memory-event-store';

const context = { tenantId: 'uni-a', correlationId: 'c-1' };
const HASH = 'a'.repeat(64);

describe('executeCommand', () => {
  let store: InMemoryEventStore;
  const createKey = (keyId: string) => ({
    streamId: 'tenant-uni-a',
    aggregateType: 'tenant',
    decider: tenantDecider,
    command: () => ({
      type: 'create-api-key' as const,
      data: { keyId, name: keyId, prefix: `cs_${keyId}`, hash: HASH, scopes: ['issue'] },
    }),
    context,
  });

  beforeEach(async () => {
    store = new InMemoryEventStore();
    await store.append(
      'tenant-uni-a',
      0,
      [{ type: 'tenant.created.v1', data: { tenantId: 'uni-a', name: 'A', country: 'PT' } }],
      {
        ...context,
        causationId: null,
        source: 'issuance',
        aggregateType: 'tenant',
      },
    );
  });

  it('decides on the current state and appends at its version, with the request metadata', async () => {
    const result = await executeCommand(store.asEventStore(), createKey('k1'));
    expect(result.version).toBe(2);
    expect(result.events[0]).toMatchObject({
      type: 'api-key.created.v1',
      tenantId: 'uni-a',
      correlationId: 'c-1',
      source: 'issuance',
    });
    expect(result.state.apiKeys['k1']).toMatchObject({ revoked: false });
  });

  it('re-reads and decides again when another writer got there first', async () => {
    store.beforeAppend = async () => void (await executeCommand(store.asEventStore(), createKey('k-other')));
    const result = await executeCommand(store.asEventStore(), createKey('k1'));
    expect(result.version).toBe(3);
    expect(Object.keys(result.state.apiKeys).sort()).toEqual(['k-other', 'k1']);
  });

  it('gives up with the conflict once the retries are spent', async () => {
    let races = 0;
    const race = async () => {
      races++;
      await executeCommand(store.asEventStore(), createKey(`k-other-${races}`));
      if (races < 5) store.beforeAppend = race;
    };
    store.beforeAppend = race;
    await expect(executeCommand(store.asEventStore(), { ...createKey('k1'), retriesOnConflict: 1 })).rejects.toThrow(
      StreamVersionConflictError,
    );
  });

  it('refuses with PreconditionFailedError when If-Match names another version, before or during the append', async () => {
    await expect(
      executeCommand(store.asEventStore(), { ...createKey('k1'), expectedVersion: 7 }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      currentVersion: 1,
    });
    store.beforeAppend = async () => void (await executeCommand(store.asEventStore(), createKey('k-other')));
    await expect(executeCommand(store.asEventStore(), { ...createKey('k1'), expectedVersion: 1 })).rejects.toThrow(
      PreconditionFailedError,
    );
    expect(Object.keys((await store.aggregate('tenant-uni-a', tenantDecider)).state.apiKeys)).toEqual(['k-other']);
  });
});

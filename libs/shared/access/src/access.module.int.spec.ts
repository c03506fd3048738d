import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { Controller, Delete, Get } from '@nestjs/common';
import { toKafkaMessage, TOPICS, type EventEnvelope } from '@credstream/contracts';
import { ConnectionsModule, LoggingModule } from '@credstream/runtime';
import { bootService, createPrivateInfra, waitFor, type BootedService, type PrivateInfra } from '@credstream/testing';
import { generateApiKey, type GeneratedApiKey } from './api-key/api-key-token';
import type { ApiKeyPrincipal } from './authentication/api-key-principal';
import { AccessModule } from './access.module';
import { CurrentTenant, RequirePlatformAdmin, RequireScopes } from './nest/access.decorators';
import { ApiKeyProjection } from './read-model/api-key.projection';
import { MongoApiKeyDirectory } from './read-model/mongo-api-key.directory';

jest.setTimeout(120_000);

const ADMIN_TOKEN = 'platform-admin-token-for-tests-0123456789';

@Controller('probe')
class ProbeController {
  @Get('issue')
  @RequireScopes('issue')
  issue(@CurrentTenant() principal: ApiKeyPrincipal): ApiKeyPrincipal {
    return principal;
  }

  @Delete('admin')
  @RequireScopes('admin')
  admin(@CurrentTenant() principal: ApiKeyPrincipal): ApiKeyPrincipal {
    return principal;
  }

  @Get('platform')
  @RequirePlatformAdmin()
  platform(): { ok: true } {
    return { ok: true };
  }
}

let version = 0;
function tenantEvent(tenantId: string, type: string, data: unknown, source = 'issuance'): EventEnvelope {
  return {
    id: uuidv7(),
    type,
    source,
    aggregateType: 'tenant',
    aggregateId: `tenant-${tenantId}`,
    aggregateVersion: ++version,
    tenantId,
    occurredAt: new Date(Date.UTC(2026, 10, 27, 10, 0, version)).toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    data,
  };
}

/** A just-started broker may answer metadata requests with UNKNOWN_TOPIC_OR_PARTITION for a moment: retry. */
async function createTopicsWhenReady(client: Kafka, topics: string[]): Promise<void> {
  const admin = client.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.createTopics({ topics: topics.map((topic) => ({ topic })), waitForLeaders: true });
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

const keyCreated = (tenantId: string, key: GeneratedApiKey, scopes: string[]) =>
  tenantEvent(tenantId, 'api-key.created.v1', {
    keyId: key.keyId,
    name: 'registrar',
    prefix: key.prefix,
    hash: key.hash,
    scopes,
  });

describe('AccessModule on FerretDB and Kafka', () => {
  let mongo: PrivateInfra;
  let kafka: PrivateInfra;
  let producer: Producer;
  let service: BootedService;
  let projection: ApiKeyProjection;
  let directory: MongoApiKeyDirectory;

  const call = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers: Record<string, string> = init.token ? { authorization: `Bearer ${init.token}` } : {};
    const response = await fetch(`${service.url}${path}`, { ...init, headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    [mongo, kafka] = await Promise.all([createPrivateInfra('mongo'), createPrivateInfra('kafka')]);
    await Promise.all([mongo.start(), kafka.start()]);
    const client = new Kafka({ brokers: [kafka.serviceEnv['KAFKA_BROKERS']!], logLevel: logLevel.NOTHING });
    producer = client.producer();
    await producer.connect();
    await createTopicsWhenReady(client, [TOPICS.issuanceTenant, 'access-test.dlq']);
    service = await bootService(
      { name: 'access-test', version: '0.0.0', title: 'access test', description: 'access test' },
      (logger) => ({
        module: class AccessTestModule {},
        imports: [
          LoggingModule.forRoot(logger),
          ConnectionsModule.forRoot({
            serviceName: 'access-test',
            mongo: { MONGODB_URI: mongo.serviceEnv['MONGODB_URI']! },
            kafka: { KAFKA_BROKERS: [kafka.serviceEnv['KAFKA_BROKERS']!], KAFKA_SSL: false },
          }),
          AccessModule.forRoot({
            collectionPrefix: 'test_',
            platformAdminToken: ADMIN_TOKEN,
            lastUseIntervalMs: 60_000,
          }),
        ],
        controllers: [ProbeController],
      }),
      { consumers: { groupId: 'access-test' } },
    );
    projection = service.app.get(ApiKeyProjection);
    directory = service.app.get(MongoApiKeyDirectory);
    await waitFor(
      () =>
        directory.find('nothing').then(
          () => true,
          () => false,
        ),
      (ok) => ok,
      { what: 'mongodb connected' },
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
    await Promise.allSettled([mongo?.dispose(), kafka?.dispose()]);
  });

  it('learns keys and revocations from the tenant topic on Kafka, as any service would', async () => {
    const key = generateApiKey();
    const send = (event: EventEnvelope) =>
      producer.send({ topic: TOPICS.issuanceTenant, acks: -1, messages: [toKafkaMessage(event)] });
    await send(tenantEvent('uni-kafka', 'tenant.created.v1', { tenantId: 'uni-kafka', name: 'K', country: 'PT' }));
    await send(keyCreated('uni-kafka', key, ['analytics-read']));
    const accepted = await waitFor(
      () => call('/probe/issue', { token: key.token }),
      (reply) => reply.body['code'] !== 'API_KEY_INVALID',
      { what: 'key learnt from Kafka', timeoutMs: 60_000 },
    );
    expect(accepted).toMatchObject({ status: 403, body: { code: 'API_KEY_SCOPE_MISSING' } });

    await send(tenantEvent('uni-kafka', 'api-key.revoked.v1', { keyId: key.keyId }));
    await waitFor(
      () => call('/probe/issue', { token: key.token }),
      (reply) => reply.body['code'] === 'API_KEY_REVOKED',
      { what: 'revocation learnt from Kafka', timeoutMs: 30_000 },
    );
  });

  it('authorises a key once its creation event is projected, with its tenant and scopes', async () => {
    const key = generateApiKey();
    await projection.apply(
      tenantEvent('uni-lisbon', 'tenant.created.v1', { tenantId: 'uni-lisbon', name: 'UL', country: 'PT' }),
    );
    expect((await call('/probe/issue', { token: key.token })).body).toMatchObject({ code: 'API_KEY_INVALID' });

    await projection.apply(keyCreated('uni-lisbon', key, ['issue']));
    const ok = await call('/probe/issue', { token: key.token });
    expect(ok).toEqual({ status: 200, body: { tenantId: 'uni-lisbon', keyId: key.keyId, scopes: ['issue'] } });
    expect(await directory.findTenant('uni-lisbon')).toMatchObject({ name: 'UL', country: 'PT' });
  });

  it('maps refusals to 401 API_KEY_INVALID / API_KEY_REVOKED and 403 API_KEY_SCOPE_MISSING', async () => {
    const key = generateApiKey();
    await projection.apply(keyCreated('uni-porto', key, ['issue']));
    expect(await call('/probe/issue')).toMatchObject({ status: 401, body: { code: 'API_KEY_INVALID' } });
    expect(await call('/probe/issue', { token: 'cs_nope' })).toMatchObject({
      status: 401,
      body: { code: 'API_KEY_INVALID' },
    });
    expect(await call('/probe/admin', { method: 'DELETE', token: key.token })).toMatchObject({
      status: 403,
      body: { code: 'API_KEY_SCOPE_MISSING' },
    });
    const xApiKey = await fetch(`${service.url}/probe/issue`, { headers: { 'x-api-key': key.token } });
    expect(xApiKey.status).toBe(200);

    await projection.apply(tenantEvent('uni-porto', 'api-key.revoked.v1', { keyId: key.keyId }));
    expect(await call('/probe/issue', { token: key.token })).toMatchObject({
      status: 401,
      body: { code: 'API_KEY_REVOKED' },
    });
  });

  it('applies events idempotently: a redelivered creation never un-revokes a key', async () => {
    const key = generateApiKey();
    const created = keyCreated('uni-coimbra', key, ['issue', 'admin']);
    const revoked = tenantEvent('uni-coimbra', 'api-key.revoked.v1', { keyId: key.keyId });
    expect(await projection.apply(created)).toBe('applied');
    expect(await projection.apply(created)).toBe('stale');
    expect(await projection.apply(revoked)).toBe('applied');
    expect(await projection.apply(created)).toBe('stale');
    expect(await directory.find(key.keyId)).toMatchObject({ revoked: true, scopes: ['issue', 'admin'] });
    const [listed] = await directory.listForTenant('uni-coimbra');
    expect(listed).toMatchObject({ keyId: key.keyId, prefix: key.prefix, revoked: true });
    expect(listed).not.toHaveProperty('hash');
  });

  it('refuses tenant events from any source but issuance', async () => {
    const key = generateApiKey();
    await expect(projection.apply({ ...keyCreated('evil', key, ['admin']), source: 'partner:lms' })).rejects.toThrow(
      /only issuance/,
    );
    expect(await directory.find(key.keyId)).toBeUndefined();
  });

  it('records the last use, throttled to once a minute per key', async () => {
    const key = generateApiKey();
    await projection.apply(keyCreated('uni-minho', key, ['issue']));
    await call('/probe/issue', { token: key.token });
    const [first] = await waitFor(
      () => directory.listForTenant('uni-minho'),
      ([view]) => view?.lastUsedAt !== undefined,
      { what: 'lastUsedAt recorded' },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await call('/probe/issue', { token: key.token });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [second] = await directory.listForTenant('uni-minho');
    expect(second!.lastUsedAt).toBe(first!.lastUsedAt);
  });

  it('lets only the platform admin token through @RequirePlatformAdmin', async () => {
    const key = generateApiKey();
    await projection.apply(keyCreated('uni-algarve', key, ['admin']));
    expect(await call('/probe/platform', { token: ADMIN_TOKEN })).toEqual({ status: 200, body: { ok: true } });
    for (const token of [undefined, key.token, `${ADMIN_TOKEN}x`, ADMIN_TOKEN.slice(1)]) {
      expect(await call('/probe/platform', { token })).toMatchObject({
        status: 401,
        body: { code: 'PLATFORM_ADMIN_TOKEN_INVALID' },
      });
    }
  });
});

import { Body, Controller, Inject, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { contractFor, EventEnvelope } from '@credstream/contracts';
import { ConnectionsModule, createServiceApp, LoggingModule, MongoConnection } from '@credstream/runtime';
import type { EventStore } from '../store/event-store';
import { EVENT_STORE } from '../store/event-store.token';
import { EventSourcingModule } from './event-sourcing.module';

const KAFKA_BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const MONGO_HOST = process.env['MONGODB_TEST_HOST'] ?? '127.0.0.1:27017';
const EVENT_TYPE = 'credential.verified.v1';

const received: EventEnvelope[] = [];

@Controller('verifications')
class AppendController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post()
  async record(@Body() body: { id: string }): Promise<{ version: number }> {
    const data = contractFor(EVENT_TYPE)?.example as Record<string, unknown>;
    const result = await this.store.append(body.id, 'no-stream', [{ type: EVENT_TYPE, data }], {
      tenantId: 'tenant-1',
      correlationId: randomUUID(),
      causationId: null,
      source: 'verification',
      aggregateType: 'verification',
    });
    return { version: result.version };
  }
}

@Controller()
class VerifiedConsumer {
  @EventPattern(EVENT_TYPE)
  onVerified(event: EventEnvelope): void {
    received.push(event);
  }
}

describe('EventSourcingModule with event consumers', () => {
  let app: INestApplication;
  const prefix = `es${randomBytes(4).toString('hex')}_`;

  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    @Module({
      imports: [
        LoggingModule.forRoot(logger),
        ConnectionsModule.forRoot({
          serviceName: 'event-sourcing-test',
          mongo: { MONGODB_URI: `mongodb://${MONGO_HOST}/${prefix}db` },
          kafka: { KAFKA_BROKERS, KAFKA_SSL: false },
        }),
        EventSourcingModule.forRoot({ collectionPrefix: prefix, relayTuning: { idleMaxDelayMs: 200 } }),
      ],
      controllers: [AppendController, VerifiedConsumer],
    })
    class TestModule {}
    app = await createServiceApp(
      TestModule as never,
      { name: 'es-test', version: '0', title: 't', description: 'd' },
      {
        consumers: { groupId: `es-test-${prefix}`, fromBeginning: false },
      },
    );
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await app?.get(MongoConnection).connection.dropDatabase();
    await app?.close();
  }, 30_000);

  it('publishes an event appended through EVENT_STORE and delivers it to an @EventPattern handler', async () => {
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const streamId = `verification-${randomUUID()}`;
    const response = await fetch(`${url}/verifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: streamId }),
    });
    expect(response.status).toBe(201);
    const deadline = Date.now() + 30_000;
    while (!received.some((event) => event.aggregateId === streamId) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const event = received.find((candidate) => candidate.aggregateId === streamId);
    expect(event).toMatchObject({
      type: EVENT_TYPE,
      aggregateVersion: 1,
      tenantId: 'tenant-1',
      source: 'verification',
    });
  }, 45_000);
});

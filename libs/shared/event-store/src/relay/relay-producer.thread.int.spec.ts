import { freePort } from '@credstream/testing';
import type { Kafka } from 'kafkajs';
import { createTestTopics, KAFKA_BROKERS, readAll, testKafka, type TestTopics } from '../testing/event-store-test-env';
import type { RelayProducerThreadSettings } from './relay-producer-thread.protocol';
import { RelayProducerThread } from './relay-producer.thread';

jest.setTimeout(90_000);

const settingsFor = (brokers: string[]): RelayProducerThreadSettings => ({
  clientId: 'relay-thread-test',
  serviceName: 'test',
  logLevel: 'silent',
  kafka: { KAFKA_BROKERS: brokers, KAFKA_SSL: false } as RelayProducerThreadSettings['kafka'],
});

const envelope = (n: number) => JSON.stringify({ id: `event-${n}`, type: 'test.happened.v1', data: { n } });

describe('RelayProducerThread (Kafka)', () => {
  let kafka: Kafka;
  let topics: TestTopics;

  beforeAll(async () => {
    kafka = testKafka();
    topics = await createTestTopics(kafka, 1);
  });

  afterAll(() => topics.dispose());

  it('sends batches from its own thread, keyed, with their headers, acknowledged in order', async () => {
    const producer = await RelayProducerThread.start(settingsFor(KAFKA_BROKERS));
    const [topic] = topics.names;
    try {
      for (const first of [0, 3]) {
        await producer.sendBatch({
          acks: -1,
          topicMessages: [
            {
              topic,
              messages: [first, first + 1, first + 2].map((n) => ({
                key: `aggregate-${n % 2}`,
                value: envelope(n),
                headers: { 'ce-id': `event-${n}`, 'ce-type': 'test.happened.v1' },
              })),
            },
          ],
        });
      }
    } finally {
      await producer.disconnect();
    }

    const received = await readAll(kafka, [topic]);
    expect(received).toHaveLength(6);
    for (const key of ['aggregate-0', 'aggregate-1']) {
      const ofKey = received.filter((message) => message.key === key);
      // One partition per key, in the order sent.
      expect(new Set(ofKey.map((message) => message.partition)).size).toBe(1);
      expect(ofKey.map((message) => (message.envelope as unknown as { data: { n: number } }).data.n)).toEqual(
        key === 'aggregate-0' ? [0, 2, 4] : [1, 3, 5],
      );
    }
    expect(received.find((message) => message.key === 'aggregate-1')?.headers['ce-type']).toBe('test.happened.v1');
  });

  it('refuses to send once disconnected', async () => {
    const producer = await RelayProducerThread.start(settingsFor(KAFKA_BROKERS));
    await producer.disconnect();
    await expect(producer.sendBatch({ topicMessages: [] })).rejects.toThrow('closed');
  });

  it('does not start while Kafka cannot be reached', async () => {
    await expect(RelayProducerThread.start(settingsFor([`127.0.0.1:${await freePort()}`]))).rejects.toThrow('exited');
  });
});

import { TOPICS } from '@credstream/contracts';
import { upsertIfNewer } from '../idempotency/versioned-projection';
import { KafkaTestBed } from '../testing/kafka-test-bed';
import { openTestDatabase, TestDatabase } from '../testing/test-database';
import { testEvent } from '../testing/test-events';
import { replayTopic } from './replay-topic';

jest.setTimeout(90_000);

describe('replayTopic', () => {
  let bed: KafkaTestBed;
  let database: TestDatabase;

  beforeEach(async () => {
    bed = await KafkaTestBed.start();
    database = await openTestDatabase();
  });

  afterEach(async () => {
    await bed.cleanUp();
    await database.drop();
  });

  it('rebuilds a fresh projection from the beginning and stops at the high watermarks taken at start', async () => {
    const topic = await bed.createTopic(3);
    const events = ['a', 'b', 'c'].flatMap((aggregateId) =>
      [1, 2].map((aggregateVersion) => testEvent('credential.issued.v1', { aggregateId, aggregateVersion })),
    );
    await bed.produceEvents(topic, events);
    await bed.produce(topic, [{ key: 'a', value: '{broken' }]);
    const projection = database.db.collection<{ _id: string; lastEventId: string; aggregateVersion: number }>('latest');
    const groupId = `replay.${topic}`;
    let producedDuringReplay = false;

    const result = await replayTopic({
      kafka: bed.kafka,
      topics: [topic],
      groupId,
      contractTopicOf: () => TOPICS.issuanceCredential,
      handler: async (event) => {
        if (!producedDuringReplay) {
          producedDuringReplay = true;
          await bed.produceEvents(topic, [
            testEvent('credential.issued.v1', { aggregateId: 'late', aggregateVersion: 1 }),
          ]);
        }
        await upsertIfNewer(projection, event.aggregateId, event.aggregateVersion, { $set: { lastEventId: event.id } });
      },
    });

    expect(result.handled).toBe(6);
    expect(result.invalid).toBe(1);
    const ends = Object.values(result.endOffsets[topic]).reduce((sum, offset) => sum + Number(offset), 0);
    expect(ends).toBe(7);
    const latest = await projection.find().sort({ _id: 1 }).toArray();
    expect(latest.map(({ _id, aggregateVersion }) => [_id, aggregateVersion])).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 2],
    ]);
    expect(await bed.groupState(groupId)).toBe('Dead');
  });

  it('returns at once for an empty topic', async () => {
    const topic = await bed.createTopic();
    const result = await replayTopic({ kafka: bed.kafka, topics: [topic], handler: async () => undefined });
    expect(result).toEqual({ handled: 0, invalid: 0, endOffsets: { [topic]: { 0: '0' } } });
  });

  it('fails when the handler fails', async () => {
    const topic = await bed.createTopic();
    await bed.produceEvents(topic, [testEvent()]);
    const groupId = `replay.${topic}`;
    await expect(
      replayTopic({
        kafka: bed.kafka,
        topics: [topic],
        groupId,
        contractTopicOf: () => TOPICS.issuanceCredential,
        handler: async () => {
          throw new Error('projection store down');
        },
      }),
    ).rejects.toThrow('projection store down');
    expect(await bed.groupState(groupId)).toBe('Dead');
  });
});

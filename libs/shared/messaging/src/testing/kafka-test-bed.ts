import { randomBytes } from 'node:crypto';
import { Admin, Kafka, KafkaMessage, logLevel, Message, Producer } from 'kafkajs';
import { EventEnvelope, toKafkaMessage } from '@credstream/contracts';
import { deadLetterTopicFor } from '../dead-letter/dead-letter.headers';

export const KAFKA_BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

export function uniqueName(prefix: string): string {
  return `${prefix}.${randomBytes(6).toString('hex')}`;
}

/** Topics and groups of one integration test on the real broker; `cleanUp` deletes all of them. */
export class KafkaTestBed {
  readonly kafka = new Kafka({ clientId: 'messaging-test', brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING });
  private readonly admin: Admin = this.kafka.admin();
  private readonly producer: Producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  private readonly topics = new Set<string>();
  private readonly groups = new Set<string>();

  static async start(): Promise<KafkaTestBed> {
    const bed = new KafkaTestBed();
    await bed.admin.connect();
    await bed.producer.connect();
    return bed;
  }

  async createTopic(numPartitions = 1): Promise<string> {
    const topic = uniqueName('test');
    this.topics.add(topic);
    await this.admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
    return topic;
  }

  /** A fresh group id; its dead-letter topic is deleted with the rest. */
  groupId(): string {
    const groupId = uniqueName('test-group');
    this.groups.add(groupId);
    this.topics.add(deadLetterTopicFor(groupId));
    return groupId;
  }

  async produce(topic: string, messages: Message[]): Promise<void> {
    await this.producer.send({ topic, acks: -1, messages });
  }

  async produceEvents(topic: string, events: EventEnvelope[]): Promise<void> {
    await this.produce(topic, events.map(toKafkaMessage));
  }

  /** The first `count` records of a topic, read with a throw-away group. */
  async read(topic: string, count: number, timeoutMs = 20_000): Promise<KafkaMessage[]> {
    const consumer = this.kafka.consumer({ groupId: this.groupId() });
    const records: KafkaMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`read ${records.length}/${count} records of ${topic}`)),
          timeoutMs,
        );
        void consumer.run({
          eachMessage: async ({ message }) => {
            records.push(message);
            if (records.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return records;
  }

  /** Committed offset of `groupId` on partition `partition` of `topic`: -1 when nothing was committed. */
  async committedOffset(groupId: string, topic: string, partition = 0): Promise<number> {
    const [offsets] = await this.admin.fetchOffsets({ groupId, topics: [topic] });
    return Number(offsets?.partitions.find((entry) => entry.partition === partition)?.offset ?? -1);
  }

  /** The group's state as the coordinator sees it (`Dead` once deleted or never created). */
  async groupState(groupId: string): Promise<string> {
    const { groups } = await this.admin.describeGroups([groupId]);
    return groups[0]?.state ?? 'Dead';
  }

  async endOffset(topic: string, partition = 0): Promise<number> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return Number(offsets.find((entry) => entry.partition === partition)?.high ?? 0);
  }

  async cleanUp(): Promise<void> {
    await this.admin.deleteGroups([...this.groups]).catch(() => undefined);
    const existing = new Set(await this.admin.listTopics());
    const topics = [...this.topics].filter((topic) => existing.has(topic));
    if (topics.length > 0) await this.admin.deleteTopics({ topics });
    await this.producer.disconnect();
    await this.admin.disconnect();
  }
}

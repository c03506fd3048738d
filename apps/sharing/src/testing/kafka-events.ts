import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { toKafkaMessage, topicOf, type EventEnvelope } from '@credstream/contracts';
import { waitFor } from '@credstream/testing';

/** Publishes events as another service would, and collects what the sharing service publishes. */
export class KafkaEvents {
  readonly received: EventEnvelope[] = [];
  private readonly kafka: Kafka;
  private producer: Producer | undefined;
  private consumer: Consumer | undefined;

  constructor(brokers: string) {
    this.kafka = new Kafka({ clientId: 'sharing-test', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  }

  async start(topics: string[]): Promise<void> {
    this.producer = this.kafka.producer({ allowAutoTopicCreation: true });
    await this.producer.connect();
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: false });
    // A loaded broker may take a moment to elect the new partitions' leaders.
    await waitFor(
      () =>
        admin.fetchTopicMetadata({ topics }).then(
          (metadata) => metadata.topics.every((topic) => topic.partitions.every((partition) => partition.leader >= 0)),
          () => false,
        ),
      Boolean,
      { timeoutMs: 60_000, what: `leaders for ${topics.join(', ')}` },
    );
    await admin.disconnect();
    this.consumer = this.kafka.consumer({ groupId: `sharing-test-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value) this.received.push(JSON.parse(message.value.toString('utf8')) as EventEnvelope);
      },
    });
  }

  async publish(event: EventEnvelope): Promise<void> {
    const topic = topicOf(event.type);
    if (!this.producer || !topic) throw new Error(`cannot publish ${event.type}: not started or not a catalogue event`);
    await this.producer.send({ topic, messages: [toKafkaMessage(event)] });
  }

  async waitForEvent(
    predicate: (event: EventEnvelope) => boolean,
    what: string,
    timeoutMs = 30_000,
  ): Promise<EventEnvelope> {
    const found = await waitFor(
      async () => this.received.find(predicate),
      (event) => event !== undefined,
      {
        timeoutMs,
        what,
      },
    );
    return found as EventEnvelope;
  }

  /** Stops collecting what the service publishes (a load test must not decode every event in its process). */
  async stopReceiving(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }
}

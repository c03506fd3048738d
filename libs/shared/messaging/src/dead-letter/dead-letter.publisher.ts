import type { Admin, IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { DEAD_LETTER_HEADERS, DeadLetterReason } from './dead-letter.headers';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: DeadLetterReason;
  error: string;
  attempts: number;
}

/**
 * Parks a message this consumer group cannot handle on `<groupId>.dlq`, byte for byte (key, value,
 * original headers) plus the DEAD_LETTER_HEADERS, so it can be inspected and re-driven later.
 */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: Producer,
    readonly topic: string,
    private readonly groupId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates the topic if missing, with the broker's default partitions and replication factor. */
  async ensureTopic(admin: Admin): Promise<void> {
    await admin.createTopics({ topics: [{ topic: this.topic }], waitForLeaders: true });
  }

  async publish(letter: DeadLetter): Promise<void> {
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [
        {
          key: letter.message.key,
          value: letter.message.value,
          headers: { ...letter.message.headers, ...this.headersFor(letter) },
        },
      ],
    });
  }

  private headersFor(letter: DeadLetter): IHeaders {
    return {
      [DEAD_LETTER_HEADERS.originalTopic]: letter.topic,
      [DEAD_LETTER_HEADERS.originalPartition]: String(letter.partition),
      [DEAD_LETTER_HEADERS.originalOffset]: letter.message.offset,
      [DEAD_LETTER_HEADERS.consumerGroup]: this.groupId,
      [DEAD_LETTER_HEADERS.reason]: letter.reason,
      [DEAD_LETTER_HEADERS.error]: letter.error,
      [DEAD_LETTER_HEADERS.attempts]: String(letter.attempts),
      [DEAD_LETTER_HEADERS.failedAt]: this.now().toISOString(),
    };
  }
}

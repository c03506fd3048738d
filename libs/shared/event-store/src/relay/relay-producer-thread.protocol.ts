import type { KafkaConfig } from '@credstream/config';
import type { ProducerBatch } from 'kafkajs';

/** What the producer thread needs to open its own Kafka client: plain values from the service's config. */
export interface RelayProducerThreadSettings {
  /** The Kafka client id, e.g. `issuance-relay`. */
  clientId: string;
  serviceName: string;
  logLevel: string;
  kafka: KafkaConfig;
}

export type RelayProducerRequest = { kind: 'send'; id: number; batch: ProducerBatch } | { kind: 'close' };

export type RelayProducerReply =
  | { kind: 'ready' }
  | { kind: 'sent'; id: number }
  | { kind: 'failed'; id: number; error: { name: string; message: string } }
  | { kind: 'closed' };

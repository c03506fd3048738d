import type { Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import type { RetryPolicy } from '../retry/retry-policy';

export interface KafkaEventServerOptions {
  /** The service's kafkajs client, e.g. `app.get(KafkaConnection).kafka`. */
  kafka: Kafka;
  /** Consumer group; also names the dead-letter topic `<groupId>.dlq`. */
  groupId: string;
  /** Event type -> topic, replacing the catalogue's topic for that type (tests, partner topics). */
  topicOverrides?: Record<string, string>;
  retry?: Partial<RetryPolicy>;
  /** Where a new group starts reading; default true, a fresh projection wants the whole history. */
  fromBeginning?: boolean;
  /** Default 30 000 (kafkajs default). Must exceed no single handler attempt: heartbeats happen between them. */
  sessionTimeoutMs?: number;
  /** Default 3 000. */
  heartbeatIntervalMs?: number;
  /** Most time between offset commits within a batch; default 1 000. Batches always commit at their end. */
  commitIntervalMs?: number;
  /**
   * Partitions handled in parallel (one message, or one `@EventBatchPattern` call, at a time each, so per-key order
   * holds); default 1.
   */
  partitionsConsumedConcurrently?: number;
  /** Handle each event as if at its `occurredAt` (historical imports, the demo); see ALLOW_HISTORICAL_TIMESTAMPS. */
  inheritOccurredAt?: boolean;
  /** prom-client registry for the consumer metrics; default the global one served by MetricsModule. */
  registry?: Registry;
}

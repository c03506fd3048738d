import { Kafka, Partitioners, Producer } from 'kafkajs';

/** What the relay needs from a kafkajs producer; tests wrap it to inject failures. */
export type RelayProducer = Pick<Producer, 'sendBatch'>;

/**
 * A producer fit for the relay: idempotent (the broker drops the producer's own retries), one request in
 * flight (so a retried request cannot overtake the next one), default partitioner (key = aggregate id).
 * The relay sends with `acks: -1`. Connect and disconnect it yourself.
 */
export function createRelayProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

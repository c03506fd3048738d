import { Kafka, Partitioners, Producer, type ProducerBatch } from 'kafkajs';

/** What the relay needs from a kafkajs producer (or a `RelayProducerThread`); tests wrap it to inject failures. */
export interface RelayProducer {
  /** Resolves once Kafka acknowledged every record of the batch. */
  sendBatch(batch: ProducerBatch): Promise<unknown>;
}

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

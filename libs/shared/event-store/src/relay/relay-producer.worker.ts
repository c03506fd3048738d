import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '@credstream/observability';
import { kafkaClientConfig } from '@credstream/runtime/kafka-client';
import { Kafka, type ProducerBatch } from 'kafkajs';
import { createRelayProducer } from './relay-producer';
import type {
  RelayProducerReply,
  RelayProducerRequest,
  RelayProducerThreadSettings,
} from './relay-producer-thread.protocol';

/**
 * The worker side of `RelayProducerThread`: a relay producer (idempotent, one request in flight) whose record
 * encoding, checksums and partitioning run on this thread instead of the service's event loop. It sends each batch
 * it is given, in order, and says whether Kafka acknowledged it.
 */
const port = parentPort;
if (!port) throw new Error('relay-producer.worker runs as a worker thread only');
const settings = workerData as RelayProducerThreadSettings;
const logger = createLogger({ serviceName: settings.serviceName, level: settings.logLevel }).child({
  component: 'relay-producer-thread',
});
const producer = createRelayProducer(new Kafka(kafkaClientConfig(settings.kafka, settings.clientId, logger)));
const reply = (message: RelayProducerReply) => port.postMessage(message);

// One batch at a time, in the order they came: the relay awaits each send before the next anyway.
let sending: Promise<void> = Promise.resolve();

port.on('message', (request: RelayProducerRequest) => {
  switch (request.kind) {
    case 'send':
      sending = sending.then(() => send(request.id, request.batch));
      return;
    case 'close':
      sending = sending.then(async () => {
        await producer.disconnect().catch(() => undefined);
        reply({ kind: 'closed' });
      });
      return;
    default: {
      const unknown: never = request;
      throw new Error(`unknown request ${JSON.stringify(unknown)}`);
    }
  }
});

async function send(id: number, batch: ProducerBatch): Promise<void> {
  try {
    await producer.sendBatch(batch);
    reply({ kind: 'sent', id });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    reply({ kind: 'failed', id, error: { name, message } });
  }
}

producer.connect().then(
  () => reply({ kind: 'ready' }),
  (error: unknown) => {
    logger.warn({ err: error }, 'relay producer thread could not connect to Kafka');
    process.exit(1);
  },
);

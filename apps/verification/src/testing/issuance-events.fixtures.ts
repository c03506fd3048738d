import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { contractFor, toKafkaMessage, topicOf, validateEvent, type EventEnvelope } from '@credstream/contracts';

/** Test support: issuance events as issuance's relay publishes them, valid per the catalogue. */
export class IssuanceEventProducer {
  private readonly kafka: Kafka;
  private producer: Promise<Producer> | undefined;
  private readonly versions = new Map<string, number>();

  constructor(brokers: string) {
    this.kafka = new Kafka({ clientId: 'issuance-test', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  }

  get client(): Kafka {
    return this.kafka;
  }

  async publish(type: string, aggregateId: string, tenantId: string, data: Record<string, unknown>) {
    const contract = contractFor(type);
    if (!contract) throw new Error(`${type} is not in the catalogue`);
    const version = (this.versions.get(aggregateId) ?? 0) + 1;
    this.versions.set(aggregateId, version);
    const event: EventEnvelope = {
      id: uuidv7(),
      type,
      source: 'issuance',
      aggregateType: contract.aggregateType,
      aggregateId,
      aggregateVersion: version,
      tenantId,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      data,
    };
    const validation = validateEvent(event);
    if (!validation.valid) throw new Error(`invalid ${type}: ${JSON.stringify(validation)}`);
    this.producer ??= this.connect();
    await (await this.producer).send({ topic: topicOf(type) as string, messages: [toKafkaMessage(event)] });
    return event;
  }

  async close(): Promise<void> {
    await (await this.producer)?.disconnect();
  }

  private async connect(): Promise<Producer> {
    const producer = this.kafka.producer();
    await producer.connect();
    return producer;
  }
}

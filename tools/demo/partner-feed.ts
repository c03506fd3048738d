import { createHash } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { EventEnvelope, toKafkaMessage, topicOf, validateEvent } from '@credstream/contracts';

/**
 * Produces partner events (an LMS's completions, an HR system's hires) to the published partner
 * topics exactly as an outside system must: valid envelopes, keyed by aggregate, acks from all replicas.
 */
export class PartnerFeed {
  private readonly producer: Producer;

  constructor(brokers: string[]) {
    const kafka = new Kafka({ clientId: 'credstream-demo-partner', brokers, logLevel: logLevel.NOTHING });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  async send(events: EventEnvelope[]): Promise<void> {
    const byTopic = new Map<string, EventEnvelope[]>();
    for (const event of events) {
      const validation = validateEvent(event);
      if (!validation.valid) throw new Error(`invalid ${event.type}: ${JSON.stringify(validation)}`);
      const topic = topicOf(event.type);
      if (!topic) throw new Error(`no topic for ${event.type}`);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), event]);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, batch]) => ({ topic, messages: batch.map(toKafkaMessage) })),
    });
  }
}

export interface PartnerEventInput {
  type: string;
  partner: string;
  tenantId: string;
  aggregateType: string;
  aggregateId: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/**
 * A partner envelope whose id is derived from what it reports (a UUIDv7 built from its time and a
 * hash of its content), so sending the demo again delivers the same events, which consumers drop.
 */
export function partnerEvent(input: PartnerEventInput): EventEnvelope {
  const digest = createHash('sha256')
    .update(`${input.type}|${input.tenantId}|${input.aggregateId}|${JSON.stringify(input.data)}`)
    .digest('hex');
  return {
    id: deterministicUuidV7(input.occurredAt, digest),
    type: input.type,
    source: `partner:${input.partner}`,
    aggregateType: input.aggregateType,
    aggregateId: input.aggregateId,
    aggregateVersion: 1,
    tenantId: input.tenantId,
    occurredAt: input.occurredAt.toISOString(),
    correlationId: digest.slice(0, 32),
    causationId: null,
    data: input.data,
  };
}

function deterministicUuidV7(time: Date, digestHex: string): string {
  const millis = time.getTime().toString(16).padStart(12, '0');
  const variant = ((parseInt(digestHex.slice(3, 4), 16) & 0x3) | 0x8).toString(16);
  return `${millis.slice(0, 8)}-${millis.slice(8, 12)}-7${digestHex.slice(0, 3)}-${variant}${digestHex.slice(4, 7)}-${digestHex.slice(7, 19)}`;
}

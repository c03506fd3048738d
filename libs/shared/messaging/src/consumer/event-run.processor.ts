import { trace } from '@opentelemetry/api';
import type { KafkaMessage } from 'kafkajs';
import type { EventEnvelope } from '@credstream/contracts';
import { captureTraceContext } from '@credstream/observability';
import { describeError } from '../errors/describe-error';
import type { ConsumerMetrics } from '../metrics/consumer.metrics';
import { KafkaEventBatchContext, type EventBatchResult } from '../server/event-batch-pattern';
import { startConsumerSpan } from '../tracing/consumer-span';

/** Calls the batch handler registered for the events' type; resolves with what it reports. */
export type EventBatchInvoker = (
  events: EventEnvelope[],
  context: KafkaEventBatchContext,
) => Promise<EventBatchResult | undefined>;

export interface RunProcessorDeps {
  groupId: string;
  invokeBatch: EventBatchInvoker;
  metrics: ConsumerMetrics;
  logger: { warn(message: string): void };
}

export interface RunItem {
  message: KafkaMessage;
  event: EventEnvelope;
}

/**
 * One call of a batch handler for a run of consecutive events of one type and partition. Each event gets its
 * own CONSUMER span (continuing its producer's trace), ended when the call returns. Resolves with the indexes of
 * the events still to be handled one at a time (those the handler reported, or all if the call threw).
 */
export class EventRunProcessor {
  constructor(private readonly deps: RunProcessorDeps) {}

  async process(topic: string, partition: number, items: readonly RunItem[]): Promise<Set<number>> {
    const { metrics, groupId } = this.deps;
    const type = items[0]?.event.type ?? '';
    const spans = items.map(({ event, message }) =>
      startConsumerSpan({ event, topic, partition, offset: message.offset, groupId, headers: message.headers }),
    );
    const deliveries = items.map(({ message }, index) => ({
      delivery: {
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        headers: message.headers ?? {},
        groupId,
        attempt: 1,
      },
      trace: captureTraceContext(trace.setSpan(spans[index].parent, spans[index].span)),
    }));
    const done = metrics.timeHandler(type);
    try {
      const result = await this.deps.invokeBatch(
        items.map(({ event }) => event),
        new KafkaEventBatchContext([deliveries]),
      );
      done('success');
      const again = new Set<number>();
      for (const { index, error } of result?.failures ?? []) {
        if (index < 0 || index >= items.length) continue;
        again.add(index);
        spans[index].span.addEvent('batch handler failed; handling alone', { error: describeError(error) });
      }
      for (let index = 0; index < items.length; index++) if (!again.has(index)) metrics.processed(type);
      return again;
    } catch (error) {
      done('error');
      const text = describeError(error);
      this.deps.logger.warn(`${type} batch of ${items.length} failed, handling its events one by one: ${text}`);
      for (const { span } of spans) span.addEvent('batch handler failed; handling alone', { error: text });
      return new Set(items.keys());
    } finally {
      for (const { span } of spans) span.end();
    }
  }
}

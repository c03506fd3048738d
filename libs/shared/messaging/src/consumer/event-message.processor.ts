import type { Span } from '@opentelemetry/api';
import type { EventEnvelope } from '@credstream/contracts';
import type { KafkaMessage } from 'kafkajs';
import { decodeEventMessage } from '../decoding/event-message.decoder';
import type { DeadLetter } from '../dead-letter/dead-letter.publisher';
import type { DeadLetterReason } from '../dead-letter/dead-letter.headers';
import { describeError, isNonRetriable } from '../errors/describe-error';
import type { ConsumerMetrics } from '../metrics/consumer.metrics';
import { backoffDelay, RetryPolicy } from '../retry/retry-policy';
import { sleepWithHeartbeat } from '../retry/sleep-with-heartbeat';
import type { TopicRouting } from '../routing/topic-routing';
import { KafkaEventContext } from '../server/kafka-event.context';
import { inConsumerSpan, markSpanFailed } from '../tracing/consumer-span';

/** Calls the handler registered for the event's type; rejects with whatever the handler threw. */
export type EventInvoker = (event: EventEnvelope, context: KafkaEventContext) => Promise<void>;

export interface MessageProcessorDeps {
  groupId: string;
  routing: TopicRouting;
  invoke: EventInvoker;
  deadLetters: { publish(letter: DeadLetter): Promise<void> };
  metrics: ConsumerMetrics;
  retry: RetryPolicy;
  logger: { warn(message: string): void; error(message: string): void };
}

export interface MessageControls {
  heartbeat(): Promise<void>;
  stopping(): boolean;
}

/** `interrupted`: shutdown came during a backoff; the offset must not be committed, the message comes back. */
export type MessageOutcome = 'handled' | 'ignored' | 'dead-lettered' | 'interrupted';

/**
 * One record, start to end: decode and validate, skip types this consumer does not handle, handle with
 * retries, and dead-letter what cannot be handled, so that a poison message never blocks its partition.
 */
export class EventMessageProcessor {
  constructor(private readonly deps: MessageProcessorDeps) {}

  async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    controls: MessageControls,
  ): Promise<MessageOutcome> {
    const { routing, metrics } = this.deps;
    const decoded = decodeEventMessage(message.value, routing.contractTopicOf(topic), (type) => routing.handles(type));
    if (decoded.kind === 'ignored') return 'ignored';
    if (decoded.kind === 'rejected') {
      metrics.failed(decoded.type, decoded.reason);
      this.deps.logger.warn(`${topic}[${partition}]@${message.offset} rejected (${decoded.reason}): ${decoded.error}`);
      await this.deadLetter({ topic, partition, message, reason: decoded.reason, error: decoded.error, attempts: 0 });
      return 'dead-lettered';
    }
    const delivery = {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString() ?? null,
      headers: message.headers ?? {},
      groupId: this.deps.groupId,
    };
    return inConsumerSpan({ ...delivery, event: decoded.event }, (span) =>
      this.handleWithRetry(decoded.event, { ...delivery, message }, controls, span),
    );
  }

  private async handleWithRetry(
    event: EventEnvelope,
    delivery: Omit<KafkaEventContext['delivery'], 'attempt'> & { message: KafkaMessage },
    controls: MessageControls,
    span: Span,
  ): Promise<MessageOutcome> {
    const { metrics, retry } = this.deps;
    const { message, ...context } = delivery;
    for (let attempt = 1; ; attempt++) {
      const done = metrics.timeHandler(event.type);
      try {
        await this.deps.invoke(event, new KafkaEventContext([{ ...context, attempt }]));
        done('success');
        metrics.processed(event.type);
        return 'handled';
      } catch (error) {
        done('error');
        const nonRetriable = isNonRetriable(error);
        const text = describeError(error);
        metrics.failed(event.type, nonRetriable ? 'non-retriable' : 'handler-error');
        span.addEvent('handler failed', { attempt, error: text });
        if (nonRetriable || attempt >= retry.maxAttempts) {
          const reason: DeadLetterReason = nonRetriable ? 'non-retriable' : 'retries-exhausted';
          markSpanFailed(span, error, text);
          this.deps.logger.error(
            `${event.type} ${event.id} dead-lettered after ${attempt} attempt(s) (${reason}): ${text}`,
          );
          await this.deadLetter({
            topic: context.topic,
            partition: context.partition,
            message,
            reason,
            error: text,
            attempts: attempt,
          });
          return 'dead-lettered';
        }
        const delayMs = backoffDelay(retry, attempt);
        this.deps.logger.warn(
          `${event.type} ${event.id} attempt ${attempt}/${retry.maxAttempts} failed, retrying in ${delayMs} ms: ${text}`,
        );
        if (!(await sleepWithHeartbeat(delayMs, controls.heartbeat, controls.stopping))) return 'interrupted';
      }
    }
  }

  private async deadLetter(letter: DeadLetter): Promise<void> {
    await this.deps.deadLetters.publish(letter);
    this.deps.metrics.deadLettered(letter.reason);
  }
}

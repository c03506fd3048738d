import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { Admin, Consumer, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { EventEnvelope } from '@credstream/contracts';
import { captureTraceContext, RequestContext, runWithRequestContext } from '@credstream/observability';
import { EventBatchProcessor, type BatchRouting } from '../consumer/event-batch.processor';
import { EventMessageProcessor } from '../consumer/event-message.processor';
import { EventRunProcessor } from '../consumer/event-run.processor';
import { deadLetterTopicFor } from '../dead-letter/dead-letter.headers';
import { DeadLetterPublisher } from '../dead-letter/dead-letter.publisher';
import { ConsumerMetrics } from '../metrics/consumer.metrics';
import { retryPolicy } from '../retry/retry-policy';
import { TopicRouting } from '../routing/topic-routing';
import { batchOptionsOf, KafkaEventBatchContext, type EventBatchResult } from './event-batch-pattern';
import { KafkaEventContext } from './kafka-event.context';
import type { KafkaEventServerOptions } from './kafka-event-server.options';

export const KAFKA_EVENT_TRANSPORT = Symbol('KAFKA_EVENT_TRANSPORT');

type ServerStatus = 'connecting' | 'connected' | 'disconnected';

/**
 * A Nest transport that delivers integration events to `@EventPattern('<event type>')` handlers:
 * at-least-once, offsets committed only after handling, retries with backoff and a dead-letter topic
 * instead of blocking a partition (ADR 0005).
 *
 *   app.connectMicroservice({ strategy: new KafkaEventServer({ kafka, groupId: 'verification' }) });
 *   await app.startAllMicroservices();
 */
export class KafkaEventServer extends Server<Record<string, never>, ServerStatus> implements CustomTransportStrategy {
  override readonly transportId = KAFKA_EVENT_TRANSPORT;
  protected override readonly logger = new Logger(KafkaEventServer.name);
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (error: unknown) => void this.close().finally(() => callback(error)),
    );
  }

  /** Stops fetching, lets the message in hand finish, commits what was handled, then disconnects. */
  async close(): Promise<void> {
    const { consumer, producer } = this;
    this.consumer = undefined;
    this.producer = undefined;
    await consumer?.disconnect();
    await producer?.disconnect();
    this._status$.next('disconnected');
  }

  on(): never {
    throw new Error('KafkaEventServer has no events to listen to; use the status observable');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('KafkaEventServer is not listening');
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    this._status$.next('connecting');
    const { kafka, groupId } = this.options;
    const routing = new TopicRouting(this.eventTypes(), this.options.topicOverrides);
    const admin = kafka.admin();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 3_000,
      allowAutoTopicCreation: false,
    });
    this.producer = producer;
    this.consumer = consumer;
    const deadLetters = new DeadLetterPublisher(producer, deadLetterTopicFor(groupId), groupId);
    // Subscribing to a topic nobody has produced to yet must not fail: create it, and the DLQ, with the broker's defaults.
    await this.withAdmin(admin, (connected) =>
      createTopicsWithRetry(connected, [deadLetterTopicFor(groupId), ...routing.topics]),
    );
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: routing.topics, fromBeginning: this.options.fromBeginning ?? true });
    const metrics = new ConsumerMetrics(groupId, this.options.registry);
    const messages = new EventMessageProcessor({
      groupId,
      routing,
      invoke: (event, context) => this.invoke(event, context),
      deadLetters,
      metrics,
      retry: retryPolicy(this.options.retry),
      logger: this.logger,
    });
    const batches = new EventBatchProcessor(messages, metrics, this.batchRouting(routing, metrics));
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: this.options.commitIntervalMs ?? 1_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => batches.process(payload),
    });
    this._status$.next('connected');
    this.logger.log(`consuming ${routing.topics.join(', ')} as ${groupId}`);
  }

  private eventTypes(): string[] {
    const types: string[] = [];
    for (const [pattern, handler] of this.messageHandlers) {
      if (handler.isEventHandler) types.push(pattern);
      else this.logger.warn(`@MessagePattern('${pattern}') ignored: Kafka events are @EventPattern only`);
    }
    if (types.length === 0) throw new Error('KafkaEventServer found no @EventPattern handlers');
    return types;
  }

  /** Nest's handler wrapper reports errors as an erroring Observable; awaiting it rethrows them. */
  private async invoke(event: EventEnvelope, context: KafkaEventContext): Promise<void> {
    const handler = this.getHandlerByPattern(event.type);
    if (!handler) throw new Error(`no handler for ${event.type}`);
    if (batchOptionsOf(handler.extras)) {
      // A batch handler handling one event alone (after its batch failed): its reported failure is the error.
      const alone = new KafkaEventBatchContext([[{ delivery: context.delivery, trace: captureTraceContext() }]]);
      const outcome = await this.invokeBatch([event], alone);
      const failure = outcome?.failures.find(({ index }) => index === 0);
      if (failure) throw failure.error;
      return;
    }
    const result = await runWithRequestContext(this.contextOf(event), () => handler(event, context));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  private async invokeBatch(
    events: EventEnvelope[],
    context: KafkaEventBatchContext,
  ): Promise<EventBatchResult | undefined> {
    const type = events[0]?.type ?? '';
    const handler = this.getHandlerByPattern(type);
    if (!handler) throw new Error(`no handler for ${type}`);
    const result = await runWithRequestContext(this.contextOfRun(events), () => handler(events, context));
    const outcome: unknown = await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    return isBatchResult(outcome) ? outcome : undefined;
  }

  private batchRouting(routing: TopicRouting, metrics: ConsumerMetrics): BatchRouting | undefined {
    const maxEvents = new Map<string, number>();
    for (const [pattern, handler] of this.messageHandlers) {
      const options = batchOptionsOf(handler.extras);
      if (handler.isEventHandler && options) maxEvents.set(pattern, options.maxEvents);
    }
    if (maxEvents.size === 0) return undefined;
    return {
      routing,
      runs: new EventRunProcessor({
        groupId: this.options.groupId,
        invokeBatch: (events, context) => this.invokeBatch(events, context),
        metrics,
        logger: this.logger,
      }),
      maxEventsOf: (type) => maxEvents.get(type),
      splitByOccurredAt: this.options.inheritOccurredAt === true,
    };
  }

  /** Handlers log with the event's correlation and tenant; a historical event dates what it causes when allowed. */
  private contextOf(event: EventEnvelope): RequestContext {
    const context: RequestContext = { correlationId: event.correlationId, tenantId: event.tenantId };
    if (this.options.inheritOccurredAt) context.occurredAt = new Date(event.occurredAt);
    return context;
  }

  /** A run's context: its first event's (a run has one `occurredAt` when that is inherited); its tenant if one. */
  private contextOfRun(events: readonly EventEnvelope[]): RequestContext {
    const context = this.contextOf(events[0]);
    if (events.some((event) => event.tenantId !== context.tenantId)) delete context.tenantId;
    return context;
  }

  private async withAdmin(admin: Admin, work: (admin: Admin) => Promise<void>): Promise<void> {
    await admin.connect();
    try {
      await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}

/**
 * A broker that has just started may not yet host the partitions it created; ask again a few times. When another
 * service created the topics a moment before, createTopics returns at once without waiting for their leaders, so
 * the metadata is checked too (subscribing before the leaders are known fails with UNKNOWN_TOPIC_OR_PARTITION).
 */
async function createTopicsWithRetry(admin: Admin, topics: string[], attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.createTopics({ topics: topics.map((topic) => ({ topic })), waitForLeaders: true });
      const metadata = await admin.fetchTopicMetadata({ topics });
      const leaderless = metadata.topics.filter(
        (topic) => topic.partitions.length === 0 || topic.partitions.some((partition) => partition.leader < 0),
      );
      if (leaderless.length > 0) {
        throw new Error(`no leader yet for ${leaderless.map((topic) => topic.name).join(', ')}`);
      }
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

function isBatchResult(value: unknown): value is EventBatchResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as EventBatchResult).failures);
}

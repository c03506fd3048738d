import { EventPattern } from '@nestjs/microservices';
import { BaseRpcContext } from '@nestjs/microservices';
import type { EventTraceContext } from '@credstream/observability';
import type { KafkaEventDelivery } from './kafka-event.context';

/** Nest handler extras marking an `@EventBatchPattern` handler. */
export const EVENT_BATCH_EXTRA = 'credstreamEventBatch';

export interface EventBatchOptions {
  /** Most events per handler call; default 500. */
  maxEvents?: number;
}

export const DEFAULT_MAX_BATCH_EVENTS = 500;

/**
 * Like `@EventPattern(type)`, but the handler receives consecutive events of that type of one partition
 * together — `(events: EventEnvelope[], @Ctx() context: KafkaEventBatchContext)` — so it can store their effects
 * in one write. It returns the events it could not handle ({@link EventBatchResult}); those, and every event of a
 * call that threw, are handed to it again one at a time with the usual retries and dead-lettering. Offsets are
 * committed only after the call (and those single retries) finished, so the guarantees of a single-event handler
 * hold: the handler must be idempotent per event, as every handler is (redelivery).
 */
export function EventBatchPattern(type: string, options: EventBatchOptions = {}): MethodDecorator {
  return EventPattern(type, { [EVENT_BATCH_EXTRA]: { maxEvents: options.maxEvents ?? DEFAULT_MAX_BATCH_EVENTS } });
}

/** What a batch handler reports: the events (by index in the array it got) that failed, with their error. */
export interface EventBatchResult {
  failures: { index: number; error: unknown }[];
}

export interface EventBatchDelivery {
  delivery: KafkaEventDelivery;
  /** The trace context of this event's consumer span, for storing with what the event causes. */
  trace: EventTraceContext;
}

/** `@Ctx()` of a batch handler: each event's delivery and trace context, by index. */
export class KafkaEventBatchContext extends BaseRpcContext<[EventBatchDelivery[]]> {
  get deliveries(): readonly EventBatchDelivery[] {
    return this.args[0];
  }

  traceOf(index: number): EventTraceContext {
    return this.args[0][index]?.trace ?? {};
  }
}

export function batchOptionsOf(extras: Record<string, unknown> | undefined): Required<EventBatchOptions> | undefined {
  const options = extras?.[EVENT_BATCH_EXTRA] as Required<EventBatchOptions> | undefined;
  return options && options.maxEvents > 0 ? options : undefined;
}

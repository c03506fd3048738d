import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { decodeEventMessage } from '../decoding/event-message.decoder';
import type { ConsumerMetrics } from '../metrics/consumer.metrics';
import type { TopicRouting } from '../routing/topic-routing';
import type { EventMessageProcessor, MessageControls } from './event-message.processor';
import type { EventRunProcessor, RunItem } from './event-run.processor';

/** Batch handlers (`@EventBatchPattern`) of a consumer: which types, and how many events per call. */
export interface BatchRouting {
  runs: EventRunProcessor;
  routing: TopicRouting;
  /** Most events per call for a batch-handled type; undefined for types handled one at a time. */
  maxEventsOf(type: string): number | undefined;
  /** Historical events are handled as at their `occurredAt`: a run holds events of one date only. */
  splitByOccurredAt: boolean;
}

/**
 * The kafkajs `eachBatch` handler. Offsets are resolved one by one, only after their message was
 * handled, ignored or dead-lettered, so kafkajs commits nothing that was not dealt with (at-least-once).
 * Consecutive events of a batch-handled type go to their handler together (a run); the events it could not
 * handle then go one by one through the single-event path (retries, dead letters) before any offset of the run
 * is resolved.
 */
export class EventBatchProcessor {
  constructor(
    private readonly messages: EventMessageProcessor,
    private readonly metrics: ConsumerMetrics,
    private readonly batching?: BatchRouting,
  ) {}

  async process(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const controls: MessageControls = { heartbeat, stopping: () => !isRunning() };
    const { topic, partition } = batch;
    const first = batch.firstOffset();
    if (first !== null) this.metrics.lag(topic, partition, lagBehind(batch.highWatermark, first, 0n));
    const settled = async (message: KafkaMessage) => {
      resolveOffset(message.offset);
      this.metrics.lag(topic, partition, lagBehind(batch.highWatermark, message.offset, 1n));
      await commitOffsetsIfNecessary();
      await heartbeat();
    };
    let run: RunItem[] = [];
    /** Handles the pending run; false when shutdown interrupted it (its unresolved offsets come back). */
    const flush = async (): Promise<boolean> => {
      const items = run;
      run = [];
      if (items.length === 0 || !this.batching) return true;
      const again = await this.batching.runs.process(topic, partition, items);
      for (const [index, { message }] of items.entries()) {
        if (again.has(index) && (await this.messages.process(topic, partition, message, controls)) === 'interrupted') {
          return false;
        }
        resolveOffset(message.offset);
      }
      await settled(items[items.length - 1].message);
      return true;
    };
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      const item = this.batchable(topic, message);
      if (item) {
        if (run.length > 0 && !this.sameRun(run, item)) {
          if (!(await flush())) return;
        }
        run.push(item);
        continue;
      }
      if (!(await flush())) return;
      const outcome = await this.messages.process(topic, partition, message, controls);
      if (outcome === 'interrupted') return;
      await settled(message);
    }
    if (isRunning() && !isStale()) await flush();
  }

  /** The decoded event when its type has a batch handler (anything else takes the single-event path). */
  private batchable(topic: string, message: KafkaMessage): RunItem | undefined {
    if (!this.batching) return undefined;
    const { routing } = this.batching;
    const decoded = decodeEventMessage(message.value, routing.contractTopicOf(topic), (type) => routing.handles(type));
    if (decoded.kind !== 'event' || this.batching.maxEventsOf(decoded.event.type) === undefined) return undefined;
    return { message, event: decoded.event };
  }

  private sameRun(run: readonly RunItem[], item: RunItem): boolean {
    const head = run[0].event;
    const max = this.batching?.maxEventsOf(head.type) ?? 1;
    if (run.length >= max || head.type !== item.event.type) return false;
    return !this.batching?.splitByOccurredAt || head.occurredAt === item.event.occurredAt;
  }
}

/** Messages from `offset` (+ `handled`) up to the high watermark. */
function lagBehind(highWatermark: string, offset: string, handled: bigint): number {
  return Number(BigInt(highWatermark) - BigInt(offset) - handled);
}

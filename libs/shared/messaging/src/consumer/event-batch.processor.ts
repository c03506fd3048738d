import type { EachBatchPayload } from 'kafkajs';
import type { ConsumerMetrics } from '../metrics/consumer.metrics';
import type { EventMessageProcessor } from './event-message.processor';

/**
 * The kafkajs `eachBatch` handler. Offsets are resolved one by one, only after their message was
 * handled, ignored or dead-lettered, so kafkajs commits nothing that was not dealt with (at-least-once).
 */
export class EventBatchProcessor {
  constructor(
    private readonly messages: EventMessageProcessor,
    private readonly metrics: ConsumerMetrics,
  ) {}

  async process(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const controls = { heartbeat, stopping: () => !isRunning() };
    const first = batch.firstOffset();
    if (first !== null) this.metrics.lag(batch.topic, batch.partition, lagBehind(batch.highWatermark, first, 0n));
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      const outcome = await this.messages.process(batch.topic, batch.partition, message, controls);
      if (outcome === 'interrupted') break;
      resolveOffset(message.offset);
      this.metrics.lag(batch.topic, batch.partition, lagBehind(batch.highWatermark, message.offset, 1n));
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }
}

/** Messages from `offset` (+ `handled`) up to the high watermark. */
function lagBehind(highWatermark: string, offset: string, handled: bigint): number {
  return Number(BigInt(highWatermark) - BigInt(offset) - handled);
}

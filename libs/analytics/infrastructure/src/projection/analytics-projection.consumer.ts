import { createHash } from 'node:crypto';
import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { contractFor, type EventEnvelope } from '@credstream/contracts';
import { toAnalyticsRow } from '@credstream/analytics/domain';
import {
  ConsumerMetrics,
  DeadLetterPublisher,
  decodeEventMessage,
  deadLetterTopicFor,
  inConsumerSpan,
} from '@credstream/messaging';
import type { ClickHouseEventWriter } from '../clickhouse/event-row.writer';
import { tsvLine } from '../clickhouse/tab-separated';
import { ErasureList } from './erasure-list';
import { FlushPipeline } from './flush-pipeline';
import { appendRow, commitList, emptyBatch, flushDue, markHandled, PendingBatch, rowBytes } from './projection-buffer';
import type { ProjectionMetrics } from './projection.metrics';

export interface AnalyticsProjectionOptions {
  kafka: Kafka;
  /** Producer for the dead-letter topic (connected by the caller). */
  producer: Producer;
  groupId: string;
  topics: readonly string[];
  writer: ClickHouseEventWriter;
  logger: Logger;
  consumerMetrics: ConsumerMetrics;
  projectionMetrics: ProjectionMetrics;
  /** Flush once this many rows are pending. */
  maxBatchRows: number;
  /** Flush once the oldest pending message has waited this long. */
  maxBatchWaitMs: number;
}

const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
const handlesEveryContract = (type: string): boolean => contractFor(type) !== undefined;
const MAX_RETRY_DELAY_MS = 5_000;
/** Two INSERTs at once keep ClickHouse busy while the next batch is decoded; more would only queue there. */
const MAX_WRITES_IN_FLIGHT = 2;
/** ~10–20 ms of decoding between two turns of the event loop. */
const YIELD_EVERY_MESSAGES = 250;

/**
 * The analytics projection: one consumer group over every topic, batching rows across partitions into one
 * ClickHouse INSERT bounded by size and time. Offsets are resolved as messages are buffered (so kafkajs keeps
 * fetching) but committed only after ClickHouse acknowledged the batch (autoCommit off): a crash replays the
 * unflushed tail, which the idempotent tables absorb. Undecodable and contract-invalid records go to
 * `<group>.dlq`, as with KafkaEventServer. See docs/decisions/0008-analytics-projection.md.
 */
export class AnalyticsProjectionConsumer {
  private consumer: Consumer | undefined;
  /** The consumer offsets are committed through; kept until disconnect so the final flush can commit. */
  private committer: Consumer | undefined;
  private pending: PendingBatch = emptyBatch(Date.now());
  private readonly pipeline = new FlushPipeline<PendingBatch>({
    maxWrites: MAX_WRITES_IN_FLIGHT,
    write: (batch) => this.writeWithRetries(batch),
    commit: (batch) => this.commit(batch),
    // Its mutation must run after every earlier insert, or rows about the person inserted late would stay.
    waitsForEarlierWrites: (batch) => batch.erasures.length > 0,
  });
  /** The latest batch's heartbeat, for writes that wait between retries. */
  private heartbeat: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly erasures = new ErasureList();
  private readonly processedByType = new Map<string, number>();
  private readonly deadLetters: DeadLetterPublisher;
  private flushedMessages = 0;

  constructor(private readonly options: AnalyticsProjectionOptions) {
    this.deadLetters = new DeadLetterPublisher(options.producer, deadLetterTopicFor(options.groupId), options.groupId);
  }

  /** `performance.now()` when the first batch arrived, i.e. once the group was joined (for the bench). */
  firstBatchAt: number | undefined;

  /** Messages whose offsets were committed since start (for tests and the bench). */
  get committedMessages(): number {
    return this.flushedMessages;
  }

  async start(): Promise<void> {
    const { kafka, groupId, topics } = this.options;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: topics.map((topic) => ({ topic })), waitForLeaders: true });
      await this.deadLetters.ensureTopic(admin);
    } finally {
      await admin.disconnect();
    }
    this.erasures.load(await this.options.writer.erasedHashes());
    // An idle fetch waits at most a second (kafkajs's default 5 s would also hold up every shutdown that long).
    const consumer = kafka.consumer({ groupId, maxBytesPerPartition: 4 * 1024 * 1024, maxWaitTimeInMs: 1_000 });
    this.consumer = consumer;
    this.committer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.timer = setInterval(() => void this.flushIfDue(), Math.max(20, Math.floor(this.options.maxBatchWaitMs / 4)));
  }

  /** Flushes what is buffered (best effort) and leaves the group. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const consumer = this.consumer;
    this.consumer = undefined;
    if (!consumer) return;
    this.stopped = true;
    // Still a group member here, so the final flush can commit its offsets.
    await this.flush().catch(() => undefined);
    await consumer.disconnect();
    this.committer = undefined;
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    this.firstBatchAt ??= performance.now();
    let sinceYield = 0;
    // kafkajs reads resolved offsets only once eachBatch returns (autoCommit is off): resolving the last handled
    // message then, rather than each one, spares a Long parse per record and moves the next fetch just the same.
    let handled: string | undefined;
    try {
      for (const message of batch.messages) {
        if (this.stopped || !isRunning() || isStale()) break;
        // Decoding only awaits microtasks: give HTTP requests of the same process a turn now and then.
        if ((sinceYield += 1) === YIELD_EVERY_MESSAGES) {
          sinceYield = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
        await this.accept(batch.topic, batch.partition, message);
        handled = message.offset;
        if (flushDue(this.pending, Date.now(), this.options.maxBatchRows, this.options.maxBatchWaitMs)) {
          await this.flushBehind(heartbeat);
        }
      }
    } finally {
      if (handled !== undefined) resolveOffset(handled);
      this.countProcessed();
    }
    const last = batch.lastOffset();
    this.options.consumerMetrics.lag(
      batch.topic,
      batch.partition,
      Number(BigInt(batch.highWatermark) - BigInt(last) - 1n),
    );
    await heartbeat();
  }

  private async accept(topic: string, partition: number, message: EachBatchPayload['batch']['messages'][number]) {
    const decoded = decodeEventMessage(message.value, topic, handlesEveryContract);
    if (decoded.kind === 'rejected') {
      this.options.consumerMetrics.failed(decoded.type, decoded.reason);
      await this.deadLetters.publish({
        topic,
        partition,
        message,
        reason: decoded.reason,
        error: decoded.error,
        attempts: 0,
      });
      this.options.consumerMetrics.deadLettered(decoded.reason);
    } else if (decoded.kind === 'event') {
      const { event } = decoded;
      const { groupId } = this.options;
      // A span per event continues the event's trace into analytics (batching would otherwise cut it).
      await inConsumerSpan({ event, topic, partition, offset: message.offset, groupId, headers: message.headers }, () =>
        this.project(event, topic, partition, message.offset),
      );
    }
    markHandled(this.pending, topic, partition, message.offset);
  }

  private async project(event: EventEnvelope, topic: string, partition: number, offset: string): Promise<void> {
    const projected = toAnalyticsRow(event, { topic, partition, offset }, sha256Hex);
    if (projected.erasure) {
      this.erasures.add(projected.erasure);
      this.pending.erasures.push(projected.erasure);
    }
    appendRow(this.pending, tsvLine(this.erasures.scrub(projected.row)));
    this.processedByType.set(event.type, (this.processedByType.get(event.type) ?? 0) + 1);
  }

  /** Adds the batch's projected events to the processed counter, once per type (a label lookup per event costs). */
  private countProcessed(): void {
    for (const [type, count] of this.processedByType) this.options.consumerMetrics.processedMany(type, count);
    this.processedByType.clear();
  }

  /**
   * Hands the full buffer to the pipeline and waits only while two writes are already in flight: decoding the next
   * batch overlaps with ClickHouse inserting the last ones, and at most three batches are held in memory.
   */
  private async flushBehind(heartbeat: () => Promise<void>): Promise<void> {
    this.heartbeat = heartbeat;
    void this.flush().catch((error: unknown) =>
      this.options.logger.warn({ err: error }, 'analytics flush abandoned; the batch will be redelivered'),
    );
    await this.pipeline.roomForWrite();
  }

  private async flushIfDue(): Promise<void> {
    if (!this.pipeline.hasRoom) return;
    if (!flushDue(this.pending, Date.now(), this.options.maxBatchRows, this.options.maxBatchWaitMs)) return;
    await this.flush().catch((error: unknown) => this.options.logger.error({ err: error }, 'analytics flush failed'));
  }

  /** Submits what is buffered; resolves once it (and every batch before it) is committed. */
  private flush(): Promise<void> {
    const batch = this.pending;
    if (batch.messages === 0) return this.pipeline.drained();
    this.pending = emptyBatch(Date.now());
    return this.pipeline.submit(batch);
  }

  private async writeWithRetries(batch: PendingBatch): Promise<void> {
    const started = process.hrtime.bigint();
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.write(batch);
        break;
      } catch (error) {
        this.options.projectionMetrics.flushFailed();
        this.options.logger.warn({ err: error, attempt, rows: batch.rows }, 'ClickHouse insert failed; retrying');
        // Stopping: the batch stays uncommitted and is redelivered to whoever consumes next.
        if (this.stopped) throw error;
        await waitWithHeartbeat(Math.min(MAX_RETRY_DELAY_MS, 100 * 2 ** attempt), this.heartbeat);
      }
    }
    this.options.projectionMetrics.flushed(batch.rows, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private async write(batch: PendingBatch): Promise<void> {
    const { writer } = this.options;
    if (batch.erasures.length > 0) {
      await writer.recordErased(
        batch.erasures.flatMap((erasure) => this.erasures.add(erasure)),
        new Date(),
      );
    }
    await writer.insertTabSeparated(rowBytes(batch));
    if (batch.erasures.length > 0) await writer.blankRecipients(batch.erasures);
  }

  private async commit(batch: PendingBatch): Promise<void> {
    try {
      await this.committer?.commitOffsets(commitList(batch));
    } catch (error) {
      // A partition moved to another member meanwhile: it re-reads from the last commit; rows are idempotent.
      this.options.logger.warn({ err: error }, 'offset commit failed after flush; the tail will be redelivered');
    }
    this.flushedMessages += batch.messages;
  }
}

async function waitWithHeartbeat(ms: number, heartbeat: (() => Promise<void>) | undefined): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, until - Date.now())));
    await heartbeat?.().catch(() => undefined);
  }
}

import type { Span } from '@opentelemetry/api';
import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import {
  ConsumerMetrics,
  DeadLetterPublisher,
  deadLetterTopicFor,
  markSpanFailed,
  startRecordSpan,
} from '@credstream/messaging';
import type { ClickHouseEventWriter } from '../clickhouse/event-row.writer';
import { packRecords } from './decoding/packed-records';
import type { ProjectedRecords, RejectedRecord } from './decoding/project-records';
import { ProjectionDecoderThread } from './decoding/projection-decoder.thread';
import { ErasureList } from './erasure-list';
import { FlushPipeline } from './flush-pipeline';
import { appendRows, commitList, emptyBatch, flushDue, markHandled, PendingBatch, rowBytes } from './projection-buffer';
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

const MAX_RETRY_DELAY_MS = 5_000;
/** Two INSERTs at once keep ClickHouse busy while the next batch is decoded; more would only queue there. */
const MAX_WRITES_IN_FLIGHT = 2;
/** Fetched batches handed to the decoding thread and not yet buffered, beyond which fetching waits. */
const MAX_BATCHES_IN_DECODING = 2;

/**
 * The analytics projection: one consumer group over every topic, batching rows across partitions into one
 * ClickHouse INSERT bounded by size and time. Each fetched batch is decoded on a worker thread; its offsets are
 * resolved once it is handed over (so kafkajs keeps fetching) but committed only after ClickHouse acknowledged its
 * rows (autoCommit off): a crash replays the unflushed tail, which the idempotent tables absorb. Undecodable and
 * contract-invalid records go to `<group>.dlq`, as with KafkaEventServer. See docs/decisions/0008-analytics-projection.md.
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
  /** Set once a fetched batch could not be buffered (only while stopping): nothing after it is taken. */
  private abandoned = false;
  private readonly erasures = new ErasureList();
  /** Decodes on a worker thread from the main thread's erasure list, which it keeps in step batch by batch. */
  private readonly decoder = new ProjectionDecoderThread(() => this.erasures.hashes());
  /** Fetched batches being projected, oldest first; `taking` chains them so they are buffered in fetch order. */
  private readonly inDecoding: Promise<void>[] = [];
  private taking: Promise<void> = Promise.resolve();
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
    await this.decoder.start();
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
    await this.taking;
    await this.flush().catch(() => undefined);
    await this.decoder.close();
    await consumer.disconnect();
    this.committer = undefined;
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    this.firstBatchAt ??= performance.now();
    if (batch.messages.length === 0 || this.stopped || !isRunning() || isStale()) return;
    this.heartbeat = heartbeat;
    // A span per record continues its producer's trace into analytics (batching would otherwise cut it).
    const { groupId } = this.options;
    const { topic, partition } = batch;
    const spans = batch.messages.map(
      ({ offset, key, headers }) => startRecordSpan({ topic, partition, groupId, offset, key, headers }).span,
    );
    const taken = this.taking.then(() => this.take(batch, spans));
    const settled = taken.catch((error: unknown) =>
      this.options.logger.warn({ err: error }, 'fetched batch given up while stopping; it will be redelivered'),
    );
    this.taking = settled;
    this.inDecoding.push(settled);
    void settled.then(() => this.inDecoding.shift());
    // The batch is in the projection's hands now: kafkajs fetches on from here. Its offsets are committed only once
    // ClickHouse acknowledged its rows (or the batch is handed to the next member after a crash or rebalance).
    resolveOffset(batch.lastOffset());
    this.options.consumerMetrics.lag(
      batch.topic,
      batch.partition,
      Number(BigInt(batch.highWatermark) - BigInt(batch.lastOffset()) - 1n),
    );
    // Room for the main thread to fetch and pack the next batches while the decoding thread works, within bounds.
    while (this.inDecoding.length > MAX_BATCHES_IN_DECODING) await this.inDecoding[0];
    await heartbeat();
  }

  /**
   * Projects one fetched batch on the decoding thread and buffers its rows; records that break their contract go to
   * the dead-letter topic first. Runs strictly in fetch order (chained), as the buffer's offsets require.
   */
  private async take(batch: EachBatchPayload['batch'], spans: Span[]): Promise<void> {
    try {
      // After a batch was given up (only when stopping), no later one may be buffered: its commit would skip it.
      if (this.abandoned) throw new Error('an earlier batch was given up');
      const projected = await this.projected(batch);
      for (const rejected of projected.rejected) await this.deadLetter(batch, rejected);
      for (const erasure of projected.erasures) {
        this.erasures.add(erasure);
        this.pending.erasures.push(erasure);
      }
      appendRows(this.pending, projected.rows, projected.rowCount);
      markHandled(this.pending, batch.topic, batch.partition, batch.lastOffset(), batch.messages.length);
      for (const [type, count] of projected.typeCounts) this.options.consumerMetrics.processedMany(type, count);
    } catch (error) {
      this.abandoned = true;
      for (const span of spans) markSpanFailed(span, error, 'analytics projection failed');
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
    if (flushDue(this.pending, Date.now(), this.options.maxBatchRows, this.options.maxBatchWaitMs)) {
      await this.flushBehind();
    }
  }

  /** The batch's rows from the decoding thread; a lost thread is replaced and the batch packed again. */
  private projected(batch: EachBatchPayload['batch']): Promise<ProjectedRecords> {
    // Nothing after this batch may be committed before it: while this fails, the projection waits.
    return this.untilDone(
      () => this.decoder.project(packRecords(batch.topic, batch.partition, batch.messages)),
      (error, attempt) =>
        this.options.logger.error({ err: error, attempt }, 'analytics decoding thread failed; retrying the batch'),
    );
  }

  /** Publishes a rejected record to the dead-letter topic, retrying while Kafka refuses (the batch waits). */
  private async deadLetter(batch: EachBatchPayload['batch'], rejected: RejectedRecord): Promise<void> {
    this.options.consumerMetrics.failed(rejected.type, rejected.reason);
    await this.untilDone(
      () =>
        this.deadLetters.publish({
          topic: batch.topic,
          partition: batch.partition,
          message: batch.messages[rejected.index],
          reason: rejected.reason,
          error: rejected.error,
          attempts: 0,
        }),
      (error, attempt) =>
        this.options.logger.warn({ err: error, attempt }, 'dead-lettering a rejected record failed; retrying'),
    );
    this.options.consumerMetrics.deadLettered(rejected.reason);
  }

  /**
   * Hands the full buffer to the pipeline and waits only while two writes are already in flight: decoding the next
   * batch overlaps with ClickHouse inserting the last ones, and at most three batches are held in memory.
   */
  private async flushBehind(): Promise<void> {
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
    // Stopping: the batch stays uncommitted and is redelivered to whoever consumes next.
    await this.untilDone(
      () => this.write(batch),
      (error, attempt) => {
        this.options.projectionMetrics.flushFailed();
        this.options.logger.warn({ err: error, attempt, rows: batch.rows }, 'ClickHouse insert failed; retrying');
      },
    );
    this.options.projectionMetrics.flushed(batch.rows, Number(process.hrtime.bigint() - started) / 1e9);
  }

  /**
   * Runs `work` until it succeeds, reporting each failure and waiting (backing off to 5 s, heart-beating) between
   * attempts; once the projection is stopping, a failure is final.
   */
  private async untilDone<T>(work: () => Promise<T>, failed: (error: unknown, attempt: number) => void): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        failed(error, attempt);
        if (this.stopped) throw error;
        await waitWithHeartbeat(Math.min(MAX_RETRY_DELAY_MS, 100 * 2 ** attempt), this.heartbeat);
      }
    }
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

import type { Logger } from 'pino';
import { CommitDocument, eventsOf, isGap } from '../commits/commit-document';
import type { PositionedCommit, RecentCommits } from '../commits/recent-commits';
import { CommitLog, UnpublishedLag } from '../commits/commit-log';
import { PositionCounter } from '../commits/position-counter';
import { GapWatch } from './gap-watch';
import { IdleBackoff } from './idle-backoff';
import { PositionRun, readNextRun } from './next-run';
import { endSpans, TracedMessage, tracedMessage } from './publish-span';
import { LeaseLostError, RelayLease } from './relay-lease';
import { EventRelayOptions, ResolvedRelayOptions, resolveRelayOptions } from './relay-options';
import { toSendChunks } from './send-chunks';
import { Wakeup } from './wakeup';

export interface RelayCounters {
  /** Events sent and acknowledged by Kafka (re-sends after a crash count again). */
  published: number;
  /** Events of types that are not published (internal events), passed without sending. */
  skipped: number;
  /** Commits passed by the checkpoint (published or holding only internal events). */
  commits: number;
  /** Allocated positions that never received a commit within the grace period, closed by this relay. */
  gapsClosed: number;
  errors: number;
  leaseHeld: boolean;
}

/**
 * Publishes committed events to Kafka (transactional outbox without a second write): commits carry a global
 * position, and the relay publishes them in position order and then advances its checkpoint — one document —
 * only after Kafka acknowledged. A crash between the two re-sends the batch: at-least-once, never skipped.
 * A position that stays empty past the grace period is closed as a gap; an appender that arrives later finds
 * it taken and commits at a new position. See ADR 0004.
 */
export class EventRelay {
  private readonly options: ResolvedRelayOptions;
  private readonly commits: CommitLog;
  private readonly positions: PositionCounter;
  private readonly lease: RelayLease;
  private readonly gaps: GapWatch;
  private readonly logger: Logger;
  private readonly wakeup = new Wakeup();
  private readonly counters = { published: 0, skipped: 0, commits: 0, gapsClosed: 0, errors: 0 };
  private loop: Promise<void> | undefined;
  private renewal: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopping = false;
  /** The run after the one being sent, read while Kafka works; used only if the checkpoint got there. */
  private prefetched: { after: number; run: Promise<PositionRun | undefined> } | undefined;
  /** Commits appended by this process, published without reading them back. */
  private readonly recent: RecentCommits | undefined;

  constructor(options: EventRelayOptions) {
    this.options = resolveRelayOptions(options);
    const { connection, collectionPrefix, leaseName, owner, leaseTtlMs, clock, gapGraceMs } = this.options;
    this.commits = new CommitLog(connection, collectionPrefix);
    this.positions = new PositionCounter(connection, collectionPrefix);
    this.lease = new RelayLease({ connection, collectionPrefix, name: leaseName, owner, ttlMs: leaseTtlMs, clock });
    this.gaps = new GapWatch(gapGraceMs);
    this.logger = options.logger.child({ component: 'event-relay', owner });
    this.recent = options.notifier?.recent;
  }

  async start(): Promise<void> {
    if (this.loop) return;
    await this.commits.ensureIndexes();
    this.stopping = false;
    this.unsubscribe = this.options.notifier?.subscribe(() => this.wakeup.wake());
    this.renewal = setInterval(() => void this.renewLease(), this.options.leaseTtlMs / 3);
    this.loop = this.run();
  }

  /** Waits for the batch in flight, then releases the lease so another replica takes over at once. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.wakeup.wake();
    await this.loop;
    this.loop = undefined;
    clearInterval(this.renewal);
    this.unsubscribe?.();
    await this.lease.release().catch((error: unknown) => this.logger.warn({ err: error }, 'lease release failed'));
  }

  metrics(): RelayCounters {
    return { ...this.counters, leaseHeld: this.lease.isHeld() };
  }

  /** Positions (and their events) after the stored checkpoint, whichever replica holds the lease. */
  async lag(): Promise<UnpublishedLag> {
    const [checkpoint, head] = await Promise.all([this.lease.storedCheckpoint(), this.positions.current()]);
    const lag: UnpublishedLag = { commits: Math.max(0, head - checkpoint), events: 0 };
    for (let from = checkpoint; from < head;) {
      const run = await readNextRun(this.commits, from, head, Number.MAX_SAFE_INTEGER);
      for (const commit of run.commits) {
        if (!isGap(commit)) lag.events += commit.toVersion - commit.fromVersion + 1;
      }
      const last = run.commits.at(-1)?.position;
      if (run.missing !== undefined || typeof last !== 'number') break;
      from = last;
    }
    return lag;
  }

  private async run(): Promise<void> {
    const idle = new IdleBackoff(this.options.idleMinDelayMs, this.options.idleMaxDelayMs);
    while (!this.stopping) {
      try {
        if (!(await this.lease.ensure())) {
          await this.wakeup.sleep(this.options.leaseTtlMs / 4);
          continue;
        }
        const step = await this.publishNextBatch();
        if (step === 'progress') idle.reset();
        else if (step === 'waiting-for-gap') await this.wakeup.sleep(this.options.idleMinDelayMs);
        else await this.wakeup.sleep(idle.next());
      } catch (error) {
        this.counters.errors += 1;
        this.logger.error({ err: error }, 'publishing failed; retrying');
        await this.wakeup.sleep(idle.next());
      }
    }
  }

  private async publishNextBatch(): Promise<'progress' | 'waiting-for-gap' | 'idle'> {
    const checkpoint = this.lease.checkpoint;
    if (await this.publishRemembered(checkpoint)) return 'progress';
    const head = await this.positions.current();
    if (head > checkpoint) {
      // This process's commit may have arrived while the counter answered, or be getting its position right now:
      // either way it is in memory soon, and reading the store for it would scan every commit (FerretDB).
      if (await this.publishRemembered(checkpoint)) return 'progress';
      if (await this.recent?.allocationsAnswered(Math.min(1_000, this.options.gapGraceMs / 2))) return 'progress';
    }
    const run = await this.nextRun(checkpoint, head);
    if (run.commits.length > 0) {
      this.gaps.clear();
      this.prefetchAfter(run, head);
      await this.publish(run.commits);
      return 'progress';
    }
    if (run.missing === undefined) return 'idle';
    if (!this.gaps.expired(run.missing, this.options.clock().getTime())) return 'waiting-for-gap';
    if (await this.commits.closeGap(run.missing, this.options.clock())) {
      this.counters.gapsClosed += 1;
      this.logger.warn({ position: run.missing }, 'closed a position that received no commit in time');
    }
    return 'progress';
  }

  /** Publishes the commits after the checkpoint that this process appended and still remembers, if any. */
  private async publishRemembered(checkpoint: number): Promise<boolean> {
    const remembered = this.recent?.runFrom(checkpoint + 1, this.options.batchSize) ?? [];
    if (remembered.length === 0) return false;
    this.gaps.clear();
    await this.publish(remembered);
    return true;
  }

  private async nextRun(checkpoint: number, head: number): Promise<PositionRun> {
    // An append of this process is inserting there: its commit arrives with a wake-up, no read needed.
    if (head > checkpoint && this.recent?.isInFlight(checkpoint + 1)) return { commits: [], missing: checkpoint + 1 };
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    const run = prefetched?.after === checkpoint ? await prefetched.run : undefined;
    return run ?? readNextRun(this.commits, checkpoint, head, this.options.batchSize);
  }

  /**
   * Reads the following run while this one is sent (reads and sends take similar time). Commit documents never
   * change, so the early read is as good as a later one, only possibly shorter; it is dropped if the send fails.
   */
  private prefetchAfter(run: PositionRun, head: number): void {
    const last = run.commits.at(-1)?.position;
    if (typeof last !== 'number' || last >= head || run.missing !== undefined) return;
    this.prefetched = {
      after: last,
      run: readNextRun(this.commits, last, head, this.options.batchSize).catch(() => undefined),
    };
  }

  /**
   * Sends the commits' events in order, a send's worth at a time (so a large run never holds the event loop for
   * long), then advances the checkpoint past the last commit.
   */
  private async publish(batch: readonly CommitDocument[]): Promise<void> {
    let pending: TracedMessage[] = [];
    let published = 0;
    let skipped = 0;
    let commits = 0;
    for (const commit of batch) {
      if (isGap(commit)) continue;
      commits += 1;
      // This process's own commits come with their events already built and serialised.
      const built = this.recent?.eventsOf(commit as PositionedCommit);
      const events = built?.envelopes ?? eventsOf(commit);
      events.forEach((event, index) => {
        const topic = this.options.topicFor(event);
        if (topic === undefined) skipped += 1;
        else pending.push(tracedMessage(event, topic, built?.json[index]));
      });
      if (pending.length >= this.options.maxMessagesPerSend) {
        await this.send(pending);
        published += pending.length;
        pending = [];
      }
    }
    await this.send(pending);
    published += pending.length;
    const last = batch.at(-1)?.position;
    if (typeof last === 'number') {
      await this.lease.advance(last);
      this.recent?.forgetThrough(last);
    }
    this.counters.published += published;
    this.counters.skipped += skipped;
    this.counters.commits += commits;
    this.logger.debug({ commits, published, skipped }, 'published batch');
  }

  private async send(messages: TracedMessage[]): Promise<void> {
    const { maxMessagesPerSend, maxBytesPerSend } = this.options;
    for (const chunk of toSendChunks(messages, { maxMessages: maxMessagesPerSend, maxBytes: maxBytesPerSend })) {
      if (!this.lease.isHeld()) {
        endSpans(messages, new LeaseLostError());
        throw new LeaseLostError();
      }
      try {
        await this.options.producer.sendBatch({ topicMessages: chunk, acks: -1 });
      } catch (error) {
        endSpans(messages, error);
        throw error;
      }
    }
    endSpans(messages);
  }

  private async renewLease(): Promise<void> {
    if (!this.lease.isHeld()) return;
    try {
      if (!(await this.lease.acquire())) this.logger.warn('relay lease taken over by another replica');
    } catch (error) {
      this.logger.warn({ err: error }, 'relay lease renewal failed');
    }
  }
}

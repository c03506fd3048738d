import type { Logger } from 'pino';
import { CommitLog, UnpublishedLag } from '../commits/commit-log';
import type { StoredCommit } from '../commits/commit-document';
import { IdleBackoff } from './idle-backoff';
import { endSpans, TracedMessage, tracedMessage } from './publish-span';
import { RelayLease } from './relay-lease';
import { nextUnpublishedBatch } from './unpublished-batch';
import { EventRelayOptions, ResolvedRelayOptions, resolveRelayOptions } from './relay-options';
import { toSendChunks } from './send-chunks';
import { Wakeup } from './wakeup';

export interface RelayCounters {
  /** Events sent and acknowledged by Kafka (re-sends after a crash count again). */
  published: number;
  /** Events of types that are not published (internal events), marked published without sending. */
  skipped: number;
  /** Commits marked published. */
  commits: number;
  errors: number;
  leaseHeld: boolean;
}

class LeaseLostError extends Error {
  constructor() {
    super('relay lease lost; stopped publishing');
  }
}

/**
 * Publishes committed events to Kafka (transactional outbox without a second write): the commit document
 * is the outbox, and `published: true` — set only after Kafka acknowledged — is the checkpoint.
 * A crash between the two re-sends the commit: at-least-once, never skipped. See ADR 0004.
 */
export class EventRelay {
  private readonly options: ResolvedRelayOptions;
  private readonly commits: CommitLog;
  private readonly lease: RelayLease;
  private readonly logger: Logger;
  private readonly wakeup = new Wakeup();
  private readonly counters = { published: 0, skipped: 0, commits: 0, errors: 0 };
  private loop: Promise<void> | undefined;
  private renewal: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopping = false;

  constructor(options: EventRelayOptions) {
    this.options = resolveRelayOptions(options);
    const { connection, collectionPrefix, leaseName, owner, leaseTtlMs, clock } = this.options;
    this.commits = new CommitLog(connection, collectionPrefix);
    this.lease = new RelayLease({ connection, collectionPrefix, name: leaseName, owner, ttlMs: leaseTtlMs, clock });
    this.logger = options.logger.child({ component: 'event-relay', owner });
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

  /** Unpublished commits and events, across all relays of this store. */
  lag(): Promise<UnpublishedLag> {
    return this.commits.lag();
  }

  private async run(): Promise<void> {
    const idle = new IdleBackoff(this.options.idleMinDelayMs, this.options.idleMaxDelayMs);
    while (!this.stopping) {
      try {
        if (!(await this.lease.ensure())) {
          await this.wakeup.sleep(this.options.leaseTtlMs / 4);
          continue;
        }
        const done = await this.publishNextBatch();
        if (done > 0) idle.reset();
        else await this.wakeup.sleep(idle.next());
      } catch (error) {
        this.counters.errors += 1;
        this.logger.error({ err: error }, 'publishing failed; retrying');
        await this.wakeup.sleep(idle.next());
      }
    }
  }

  /** Resolves the number of commits handled. */
  private async publishNextBatch(): Promise<number> {
    const { batchSize, topicFor, maxMessagesPerSend, maxBytesPerSend } = this.options;
    const batch = await nextUnpublishedBatch(this.commits, batchSize);
    if (batch.length === 0) return 0;
    const messages: TracedMessage[] = [];
    let skipped = 0;
    for (const event of batch.flatMap((commit) => commit.events)) {
      const topic = topicFor(event);
      if (topic === undefined) skipped += 1;
      else messages.push(tracedMessage(event, topic));
    }
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
    await this.markPublished(batch, messages.length, skipped);
    return batch.length;
  }

  private async markPublished(batch: StoredCommit[], sent: number, skipped: number): Promise<void> {
    await this.commits.markPublished(batch.map((commit) => commit._id));
    this.counters.published += sent;
    this.counters.skipped += skipped;
    this.counters.commits += batch.length;
    this.logger.debug({ commits: batch.length, published: sent, skipped }, 'published batch');
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

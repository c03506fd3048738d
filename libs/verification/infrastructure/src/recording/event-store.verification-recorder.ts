import { captureTraceContext, currentRequestContext, type EventTraceContext } from '@credstream/observability';
import { v7 as uuidv7 } from 'uuid';
import type { EventAppender } from '@credstream/event-store';
import type { VerificationRecorder } from '@credstream/verification/application';
import type { CredentialVerifiedData } from '@credstream/verification/domain';

export interface VerificationRecorderOptions {
  /**
   * Whether a verification waits until its event is stored (about one append, tens of ms on FerretDB) or only
   * queued (the default: a crash loses at most the queue, drained on a clean shutdown).
   */
  awaitStored: boolean;
  /** Events per append (one commit); the event store takes up to 1 000. */
  maxBatch: number;
  /** Events kept in memory while the store is unreachable; beyond it the oldest are dropped and reported. */
  maxBuffered: number;
  /** Wait before retrying a failed append. */
  retryDelayMs: number;
  /** Tenant of events whose issuer is not a credstream tenant. */
  externalTenantId: string;
  onError: (error: unknown, events: number) => void;
  onDropped: (events: number) => void;
}

export const DEFAULT_VERIFICATION_RECORDER: VerificationRecorderOptions = {
  awaitStored: false,
  maxBatch: 500,
  maxBuffered: 100_000,
  retryDelayMs: 500,
  externalTenantId: 'external',
  onError: () => undefined,
  onDropped: () => undefined,
};

interface Pending {
  event: CredentialVerifiedData;
  done: () => void;
  /** Set when the verifying request was dated in the past (historical imports, the demo). */
  occurredAt?: Date;
  /** The verifying request's trace, which the event continues whichever batch it is stored in. */
  trace: EventTraceContext;
}

/**
 * Appends `credential.verified.v1` to an event store (normally the verifications' own store on a worker thread, ADR
 * 0010; its relay publishes them) with group commit: while one append
 * is in flight, the verifications finishing meanwhile queue up and go in the next one, so under load one commit
 * carries hundreds of events. A verification either waits for its append (`awaitStored`) or only for the queue. Each append is a new stream
 * (aggregate `verification`, one batch of one tenant); `verificationId` in the data identifies a verification.
 * A failed append is retried; the waiting verifications are released at once and their events kept.
 */
export class EventStoreVerificationRecorder implements VerificationRecorder {
  private readonly options: VerificationRecorderOptions;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: EventAppender,
    options: Partial<VerificationRecorderOptions> = {},
  ) {
    this.options = { ...DEFAULT_VERIFICATION_RECORDER, ...options };
  }

  record(event: CredentialVerifiedData): Promise<void> {
    const occurredAt = currentRequestContext()?.occurredAt;
    const trace = captureTraceContext();
    if (!this.options.awaitStored) {
      this.enqueue({ event, done: noop, occurredAt, trace });
      return Promise.resolve();
    }
    return new Promise<void>((done) => this.enqueue({ event, done, occurredAt, trace }));
  }

  /** Events queued and not yet stored (a gauge for the metrics). */
  get pending(): number {
    return this.queue.length;
  }

  private enqueue(pending: Pending): void {
    this.queue.push(pending);
    this.dropBeyondLimit();
    this.flushing ??= this.flushLoop();
  }

  /** Appends whatever is queued (on shutdown); gives up after one failed attempt. */
  async drain(): Promise<void> {
    this.stopped = true;
    await this.flushing;
    if (this.queue.length > 0) await this.appendBatch(this.queue.splice(0, this.queue.length));
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const failed = await this.appendBatch(this.queue.splice(0, this.options.maxBatch));
        if (failed.length === 0) continue;
        // Released now (a verification never waits on the store's recovery); their events stay queued.
        failed.forEach((pending) => pending.done());
        this.queue.unshift(...failed.map((pending) => ({ ...pending, done: noop })));
        if (this.stopped) return;
        await sleep(this.options.retryDelayMs);
      }
    } finally {
      this.flushing = undefined;
      if (this.queue.length > 0 && !this.stopped) this.flushing = this.flushLoop();
    }
  }

  /** One append per tenant (and date, for dated verifications), in parallel; returns the events whose append failed. */
  private async appendBatch(batch: Pending[]): Promise<Pending[]> {
    const byTenant = new Map<string, Pending[]>();
    for (const pending of batch) {
      const tenant = pending.event.issuerTenantId ?? this.options.externalTenantId;
      const key = `${tenant}|${pending.occurredAt?.toISOString() ?? ''}`;
      const group = byTenant.get(key);
      if (group) group.push(pending);
      else byTenant.set(key, [pending]);
    }
    const groups = [...byTenant];
    const outcomes = await Promise.allSettled(groups.map(([key, group]) => this.append(key.split('|')[0], group)));
    const failed: Pending[] = [];
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') return;
      this.options.onError(outcome.reason, groups[i][1].length);
      failed.push(...groups[i][1]);
    });
    return failed;
  }

  private async append(tenantId: string, group: Pending[]): Promise<void> {
    const batchId = uuidv7();
    await this.store.append(
      `verification-${batchId}`,
      'no-stream',
      group.map(({ event }) => ({ type: 'credential.verified.v1', data: event })),
      {
        tenantId,
        correlationId: group[0].event.verificationId,
        causationId: null,
        source: 'verification',
        aggregateType: 'verification',
        // A dated verification keeps its date (historical imports, the demo).
        occurredAt: group[0].occurredAt,
        // Not the trace the flush happens to run in (the request that started it): each event keeps its own.
        trace: {},
        eventTraces: group.map(({ trace }) => trace),
      },
    );
    group.forEach((pending) => pending.done());
  }

  private dropBeyondLimit(): void {
    const excess = this.queue.length - this.options.maxBuffered;
    if (excess <= 0) return;
    this.queue.splice(0, excess).forEach((pending) => pending.done());
    this.options.onDropped(excess);
  }
}

const noop = (): void => undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

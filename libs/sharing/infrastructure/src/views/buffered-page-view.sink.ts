import { randomUUID } from 'node:crypto';
import type { EventAppender, NewStreamEntry } from '@credstream/event-store';
import { currentRequestContext } from '@credstream/observability';
import type { PageViewSink } from '@credstream/sharing/application';
import { pageViewsStreamId, type PageView, type PageViewEvent } from '@credstream/sharing/domain';
import { v7 as uuidv7 } from 'uuid';

export interface BufferedPageViewSinkOptions {
  /** Longest a view waits before it is appended. Default 500 ms. */
  flushIntervalMs?: number;
  /** Views per commit. Default 5000: ~3 MB of JSON, stored deflated (~0.5 MB); fewer commits cost less per view. */
  maxBatch?: number;
  /**
   * Views kept while the store is unreachable or behind (its thread is niced, so under CPU saturation views wait
   * here); views arriving beyond it are dropped and counted. Default 250 000 (~80 MB at ~315 bytes a view).
   */
  maxBuffered?: number;
  onError?: (error: unknown) => void;
  /** Views dropped since the previous flush because the buffer was full. */
  onDropped?: (views: number) => void;
}

interface Pending {
  view: PageView;
  tenantId: string;
  /** Set when the request that viewed the page was dated in the past (historical imports, the demo). */
  occurredAt?: Date;
}

/**
 * Collects page views in memory and appends them in batches: per flush, one commit per tenant (and date, for dated
 * views) holding a new stream per page viewed (`pageViewsStreamId`, Kafka key the share or credential id). The page
 * never waits for the store; the appender is normally the views store's worker thread (ADR 0010), so even building
 * the events happens off the event loop. Views whose append failed are kept, ahead of newer ones, for the next flush.
 * The relay publishes them as `share.viewed.v1`.
 */
export class BufferedPageViewSink implements PageViewSink {
  private buffer: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;
  private droppedCount = 0;
  private reportedDrops = 0;
  private recordedCount = 0;

  constructor(
    private readonly store: EventAppender,
    private readonly options: BufferedPageViewSinkOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 500;
    this.maxBatch = Math.min(options.maxBatch ?? 5000, 5000);
    this.maxBuffered = options.maxBuffered ?? 250_000;
    this.timer = setInterval(() => void this.flush(), this.flushIntervalMs);
    this.timer.unref();
  }

  record(view: PageView, tenantId: string): void {
    // The newest view is the one dropped: O(1), where dropping the oldest would shift the whole buffer per view.
    if (this.buffer.length >= this.maxBuffered) {
      this.droppedCount++;
      return;
    }
    this.buffer.push({ view, tenantId, occurredAt: currentRequestContext()?.occurredAt });
  }

  metrics(): { buffered: number; recorded: number; dropped: number } {
    return { buffered: this.buffer.length, recorded: this.recordedCount, dropped: this.droppedCount };
  }

  /** Appends everything buffered so far (one flush at a time). */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.buffer.length === 0) return Promise.resolve();
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Stops the timer and appends what is left. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
    await this.flush();
  }

  private async drain(): Promise<void> {
    if (this.droppedCount > this.reportedDrops) {
      this.options.onDropped?.(this.droppedCount - this.reportedDrops);
      this.reportedDrops = this.droppedCount;
    }
    const pending = this.buffer;
    this.buffer = [];
    const failed: Pending[] = [];
    for (const commit of commitsOf(pending, this.maxBatch)) {
      try {
        await this.append(commit);
        this.recordedCount += commit.length;
      } catch (error) {
        failed.push(...commit);
        this.options.onError?.(error);
      }
    }
    // Kept for the next flush, ahead of newer views.
    if (failed.length > 0) this.buffer = [...failed, ...this.buffer];
  }

  private async append(commit: Pending[]): Promise<void> {
    const byPage = new Map<string, Pending[]>();
    for (const item of commit) {
      const key = item.view.shareId ?? item.view.credentialId;
      const page = byPage.get(key);
      if (page) page.push(item);
      else byPage.set(key, [item]);
    }
    const entries: NewStreamEntry[] = [...byPage].map(([aggregateId, views]) => ({
      streamId: pageViewsStreamId(uuidv7()),
      aggregateId,
      events: views.map(({ view }): PageViewEvent => ({ type: 'share.viewed.v1', data: view })),
    }));
    const [first] = commit;
    await this.store.appendToNewStreams(entries, {
      tenantId: first.tenantId,
      correlationId: randomUUID(),
      causationId: null,
      source: 'sharing',
      aggregateType: 'share',
      // A dated view keeps its date (historical imports, the demo).
      occurredAt: first.occurredAt,
    });
  }
}

/** The views of one flush in commits: one tenant and date each, at most `maxBatch` views. */
function commitsOf(pending: readonly Pending[], maxBatch: number): Pending[][] {
  const groups = new Map<string, Pending[]>();
  for (const item of pending) {
    const key = `${item.tenantId}|${item.occurredAt?.toISOString() ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const commits: Pending[][] = [];
  for (const group of groups.values()) {
    for (let start = 0; start < group.length; start += maxBatch) commits.push(group.slice(start, start + maxBatch));
  }
  return commits;
}

import { randomUUID } from 'node:crypto';
import type { EventStore } from '@credstream/event-store';
import { currentRequestContext } from '@credstream/observability';
import type { PageViewSink } from '@credstream/sharing/application';
import { directViewsStreamId, shareStreamId, type PageView } from '@credstream/sharing/domain';

export interface BufferedPageViewSinkOptions {
  /** Longest a view waits before it is appended. Default 200 ms. */
  flushIntervalMs?: number;
  /** Views per append (the store takes at most 1000). Default 250: each append is prepared in one go on the event loop. */
  maxBatch?: number;
  /** Views kept while the store is unreachable; older ones are dropped beyond it. Default 100 000. */
  maxBuffered?: number;
  onError?: (error: unknown) => void;
}

interface Pending {
  view: PageView;
  tenantId: string;
  /** Set when the request that viewed the page was dated in the past (historical imports, the demo). */
  occurredAt?: Date;
}

/**
 * Collects page views in memory and appends them in batches, one commit per stream (the share link's stream,
 * or the credential's direct-views stream) per flush: the page never waits for the store, and thousands of
 * views a second cost a handful of writes. The relay publishes them as `share.viewed.v1`.
 */
export class BufferedPageViewSink implements PageViewSink {
  private buffer: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly maxBuffered: number;
  private droppedCount = 0;
  private recordedCount = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: BufferedPageViewSinkOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 200;
    this.maxBatch = Math.min(options.maxBatch ?? 250, 1000);
    this.maxBuffered = options.maxBuffered ?? 100_000;
    this.timer = setInterval(() => void this.flush(), this.flushIntervalMs);
    this.timer.unref();
  }

  record(view: PageView, tenantId: string): void {
    if (this.buffer.length >= this.maxBuffered) {
      this.buffer.shift();
      this.droppedCount++;
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
    const pending = this.buffer;
    this.buffer = [];
    const groups = new Map<string, Pending[]>();
    for (const item of pending) {
      const stream = item.view.shareId ? `s:${item.view.shareId}` : `c:${item.view.credentialId}`;
      const key = `${stream}|${item.occurredAt?.toISOString() ?? ''}`;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    const failed: Pending[] = [];
    for (const group of groups.values()) {
      for (let start = 0; start < group.length; start += this.maxBatch) {
        const batch = group.slice(start, start + this.maxBatch);
        try {
          await this.append(batch);
          this.recordedCount += batch.length;
        } catch (error) {
          failed.push(...batch);
          this.options.onError?.(error);
        }
      }
    }
    // Kept for the next flush, ahead of newer views.
    if (failed.length > 0) this.buffer = [...failed, ...this.buffer];
  }

  private async append(batch: Pending[]): Promise<void> {
    const first = batch[0];
    const shareId = first.view.shareId;
    const aggregateId = shareId ?? first.view.credentialId;
    await this.store.append(
      shareId ? shareStreamId(shareId) : directViewsStreamId(first.view.credentialId),
      'any',
      batch.map(({ view }) => ({ type: 'share.viewed.v1', data: view })),
      {
        tenantId: first.tenantId,
        correlationId: randomUUID(),
        causationId: null,
        source: 'sharing',
        aggregateType: 'share',
        aggregateId,
        // A dated view keeps its date (historical imports, the demo).
        occurredAt: first.occurredAt,
      },
    );
  }
}

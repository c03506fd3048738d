import { Gauge, register } from 'prom-client';

interface PageViewCounts {
  buffered: number;
  recorded: number;
  dropped: number;
}

let current: (() => PageViewCounts) | undefined;

/**
 * Gauges of the page-view sink: views waiting for the views store (they grow while recording is behind, e.g. under
 * load with the recording thread niced), views stored, and views dropped beyond the buffer's bound.
 */
export function registerPageViewMetrics(counts: () => PageViewCounts): void {
  current = counts;
  if (register.getSingleMetric('credstream_page_views_buffered')) return;
  const gauge = (name: string, help: string, of: (counts: PageViewCounts) => number) =>
    new Gauge({
      name,
      help,
      collect() {
        if (current) this.set(of(current()));
      },
    });
  gauge('credstream_page_views_buffered', 'Page views waiting to be stored.', (counts) => counts.buffered);
  gauge('credstream_page_views_recorded_total', 'Page views stored since start.', (counts) => counts.recorded);
  gauge(
    'credstream_page_views_dropped_total',
    'Page views dropped since start because the buffer was full (the views store was unreachable or far behind).',
    (counts) => counts.dropped,
  );
}

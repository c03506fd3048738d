import { Counter, Histogram, Registry, register as defaultRegistry } from 'prom-client';

export const PROJECTION_METRIC_NAMES = {
  rowsInserted: 'credstream_analytics_rows_inserted_total',
  flushSeconds: 'credstream_analytics_flush_duration_seconds',
  flushFailures: 'credstream_analytics_flush_failures_total',
  batchRows: 'credstream_analytics_batch_rows',
} as const;

function shared<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

/** Metrics of the ClickHouse side of the projection; the Kafka side uses messaging's ConsumerMetrics. */
export class ProjectionMetrics {
  private readonly rows: Counter;
  private readonly seconds: Histogram;
  private readonly failures: Counter;
  private readonly batchRows: Histogram;

  constructor(registry: Registry = defaultRegistry) {
    const registers = [registry];
    this.rows = shared(
      registry,
      PROJECTION_METRIC_NAMES.rowsInserted,
      () => new Counter({ name: PROJECTION_METRIC_NAMES.rowsInserted, help: 'Rows inserted into events.', registers }),
    );
    this.seconds = shared(
      registry,
      PROJECTION_METRIC_NAMES.flushSeconds,
      () =>
        new Histogram({
          name: PROJECTION_METRIC_NAMES.flushSeconds,
          help: 'Duration of one batch flush (insert, erasures, offset commit) in seconds.',
          buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
          registers,
        }),
    );
    this.failures = shared(
      registry,
      PROJECTION_METRIC_NAMES.flushFailures,
      () =>
        new Counter({
          name: PROJECTION_METRIC_NAMES.flushFailures,
          help: 'Failed flush attempts (retried until they succeed).',
          registers,
        }),
    );
    this.batchRows = shared(
      registry,
      PROJECTION_METRIC_NAMES.batchRows,
      () =>
        new Histogram({
          name: PROJECTION_METRIC_NAMES.batchRows,
          help: 'Rows per flushed batch.',
          buckets: [1, 10, 100, 500, 1000, 2500, 5000, 10000, 25000],
          registers,
        }),
    );
  }

  flushed(rows: number, seconds: number): void {
    this.rows.inc(rows);
    this.batchRows.observe(rows);
    this.seconds.observe(seconds);
  }

  flushFailed(): void {
    this.failures.inc();
  }
}

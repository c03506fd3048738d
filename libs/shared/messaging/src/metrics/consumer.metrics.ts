import { Counter, Gauge, Histogram, Registry, register as defaultRegistry } from 'prom-client';

export const CONSUMER_METRIC_NAMES = {
  processed: 'credstream_events_processed_total',
  failed: 'credstream_events_failed_total',
  deadLettered: 'credstream_events_dead_lettered_total',
  lag: 'credstream_consumer_lag',
  handleDuration: 'credstream_event_handle_duration_seconds',
} as const;

/**
 * The consumer's Prometheus metrics for one consumer group. Metrics are registered once per registry
 * and shared by every consumer in the process, told apart by the `group` label.
 */
export class ConsumerMetrics {
  private readonly processedTotal: Counter<'group' | 'type'>;
  private readonly failedTotal: Counter<'group' | 'type' | 'reason'>;
  private readonly deadLetteredTotal: Counter<'group' | 'reason'>;
  private readonly lagGauge: Gauge<'group' | 'topic' | 'partition'>;
  private readonly handleSeconds: Histogram<'group' | 'type' | 'outcome'>;

  constructor(
    private readonly group: string,
    registry: Registry = defaultRegistry,
  ) {
    const registers = [registry];
    this.processedTotal = shared(
      registry,
      CONSUMER_METRIC_NAMES.processed,
      () =>
        new Counter({
          name: CONSUMER_METRIC_NAMES.processed,
          help: 'Events handled successfully, by consumer group and event type.',
          labelNames: ['group', 'type'],
          registers,
        }),
    );
    this.failedTotal = shared(
      registry,
      CONSUMER_METRIC_NAMES.failed,
      () =>
        new Counter({
          name: CONSUMER_METRIC_NAMES.failed,
          help: 'Failed handling attempts and rejected messages (reason: undecodable, invalid, handler-error, non-retriable).',
          labelNames: ['group', 'type', 'reason'],
          registers,
        }),
    );
    this.deadLetteredTotal = shared(
      registry,
      CONSUMER_METRIC_NAMES.deadLettered,
      () =>
        new Counter({
          name: CONSUMER_METRIC_NAMES.deadLettered,
          help: 'Messages parked on the dead-letter topic (reason: undecodable, invalid, non-retriable, retries-exhausted).',
          labelNames: ['group', 'reason'],
          registers,
        }),
    );
    this.lagGauge = shared(
      registry,
      CONSUMER_METRIC_NAMES.lag,
      () =>
        new Gauge({
          name: CONSUMER_METRIC_NAMES.lag,
          help: 'Messages between the last handled offset and the high watermark, per partition.',
          labelNames: ['group', 'topic', 'partition'],
          registers,
        }),
    );
    this.handleSeconds = shared(
      registry,
      CONSUMER_METRIC_NAMES.handleDuration,
      () =>
        new Histogram({
          name: CONSUMER_METRIC_NAMES.handleDuration,
          help: 'Duration of one handler attempt in seconds (outcome: success, error).',
          labelNames: ['group', 'type', 'outcome'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
          registers,
        }),
    );
  }

  processed(type: string): void {
    this.processedTotal.inc({ group: this.group, type });
  }

  /** `count` events of `type` processed at once: one label lookup for a whole batch (hot consumers). */
  processedMany(type: string, count: number): void {
    if (count > 0) this.processedTotal.inc({ group: this.group, type }, count);
  }

  failed(type: string, reason: string): void {
    this.failedTotal.inc({ group: this.group, type, reason });
  }

  deadLettered(reason: string): void {
    this.deadLetteredTotal.inc({ group: this.group, reason });
  }

  lag(topic: string, partition: number, lag: number): void {
    this.lagGauge.set({ group: this.group, topic, partition: String(partition) }, Math.max(0, lag));
  }

  /** Starts timing a handler attempt; call the result with its outcome. */
  timeHandler(type: string): (outcome: 'success' | 'error') => void {
    const end = this.handleSeconds.startTimer({ group: this.group, type });
    return (outcome) => void end({ outcome });
  }
}

function shared<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

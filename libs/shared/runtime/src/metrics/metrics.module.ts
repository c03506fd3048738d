import { DynamicModule, Module } from '@nestjs/common';
import { collectDefaultMetrics, register as defaultRegistry, Registry } from 'prom-client';
import { MetricsController } from './metrics.controller';
import { METRICS_REGISTRY } from './metrics.tokens';

export interface MetricsOptions {
  /** Default: prom-client's global registry, where the Kafka consumer metrics go by default. */
  registry?: Registry;
  /** Also collect the Node.js process metrics (CPU, memory, event loop lag, GC); default true. */
  processMetrics?: boolean;
}

/** Serves GET /metrics for Prometheus from one prom-client registry. */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsOptions = {}): DynamicModule {
    const registry = options.registry ?? defaultRegistry;
    if ((options.processMetrics ?? true) && !registry.getSingleMetric('process_cpu_seconds_total')) {
      collectDefaultMetrics({ register: registry });
    }
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_REGISTRY, useValue: registry }],
      exports: [METRICS_REGISTRY],
    };
  }
}

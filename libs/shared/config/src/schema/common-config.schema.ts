import { z } from 'zod';
import { booleanFlag, fraction, hostPortList, httpUrl, mongoUri, port, positiveInt } from './env-values';

/**
 * Variables every credstream service reads, grouped by the dependency they configure.
 * Services compose the groups they need; the keys are the environment variable names,
 * so the Helm chart can be checked against these shapes.
 */

export const runtimeConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl().optional(),
  /**
   * Share of new traces recorded (a request that arrives with a sampled trace is always followed). Every request
   * keeps a trace id for its logs and events either way; 1 records all — at a CPU cost per request that matters on
   * the public hot paths (ADR 0009).
   */
  OTEL_TRACES_SAMPLE_RATIO: fraction(1),
  /**
   * Historical imports and the demo: lets a caller date what it records with the
   * `x-credstream-occurred-at` header (events caused by it inherit the date). Off in production.
   */
  ALLOW_HISTORICAL_TIMESTAMPS: booleanFlag(false),
});

export const httpPortSchema = (defaultPort: number) => z.object({ PORT: port(defaultPort) });

export const kafkaConfigSchema = z.object({
  KAFKA_BROKERS: hostPortList().default('127.0.0.1:9092'),
  KAFKA_SSL: booleanFlag(false),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
});

export const mongoConfigSchema = z.object({
  MONGODB_URI: mongoUri().default('mongodb://127.0.0.1:27017/credstream'),
});

export const clickhouseConfigSchema = z.object({
  CLICKHOUSE_URL: httpUrl().default('http://127.0.0.1:8123'),
  CLICKHOUSE_USER: z.string().min(1).default('credstream'),
  CLICKHOUSE_PASSWORD: z.string().default('credstream'),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier')
    .default('credstream'),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
export type KafkaConfig = z.infer<typeof kafkaConfigSchema>;
export type MongoConfig = z.infer<typeof mongoConfigSchema>;
export type ClickHouseConfig = z.infer<typeof clickhouseConfigSchema>;

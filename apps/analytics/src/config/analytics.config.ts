import { z } from 'zod';
import {
  booleanFlag,
  clickhouseConfigSchema,
  httpPortSchema,
  kafkaConfigSchema,
  positiveInt,
  runtimeConfigSchema,
} from '@credstream/config';

/** The analytics projection: consumer group and batch bounds (rows and time). */
export const analyticsProjectionConfigSchema = z.object({
  ANALYTICS_PROJECTION_ENABLED: booleanFlag(true),
  ANALYTICS_CONSUMER_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/)
    .default('analytics'),
  ANALYTICS_BATCH_MAX_ROWS: positiveInt(5_000),
  ANALYTICS_BATCH_MAX_WAIT_MS: positiveInt(500),
  /** Answers kept in memory while the tenant's data is unchanged (see CachedInsightsReader); false = always query. */
  ANALYTICS_INSIGHT_CACHE_ENABLED: booleanFlag(true),
  ANALYTICS_INSIGHT_CACHE_MAX_AGE_MS: positiveInt(60_000),
});

/** Every variable the analytics service reads. Parsed once at start-up by the config lib. */
export const analyticsConfigSchema = runtimeConfigSchema
  .merge(httpPortSchema(3004))
  .merge(kafkaConfigSchema)
  .merge(clickhouseConfigSchema)
  .merge(analyticsProjectionConfigSchema);

export type AnalyticsConfig = z.output<typeof analyticsConfigSchema>;

import { z } from 'zod';
import { clickhouseConfigSchema, httpPortSchema, kafkaConfigSchema, runtimeConfigSchema } from '@credstream/config';

/** Every variable the analytics service reads. Parsed once at start-up by the config lib. */
export const analyticsConfigSchema = runtimeConfigSchema
  .merge(httpPortSchema(3004))
  .merge(kafkaConfigSchema)
  .merge(clickhouseConfigSchema);

export type AnalyticsConfig = z.output<typeof analyticsConfigSchema>;

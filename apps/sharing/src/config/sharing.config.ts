import { z } from 'zod';
import { httpPortSchema, kafkaConfigSchema, mongoConfigSchema, runtimeConfigSchema } from '@credstream/config';

/** Every variable the sharing service reads. Parsed once at start-up by the config lib. */
export const sharingConfigSchema = runtimeConfigSchema
  .merge(httpPortSchema(3003))
  .merge(kafkaConfigSchema)
  .merge(mongoConfigSchema);

export type SharingConfig = z.output<typeof sharingConfigSchema>;

import { z } from 'zod';
import { httpPortSchema, kafkaConfigSchema, mongoConfigSchema, runtimeConfigSchema } from '@credstream/config';

/** Every variable the issuance service reads. Parsed once at start-up by the config lib. */
export const issuanceConfigSchema = runtimeConfigSchema
  .merge(httpPortSchema(3001))
  .merge(kafkaConfigSchema)
  .merge(mongoConfigSchema);

export type IssuanceConfig = z.output<typeof issuanceConfigSchema>;

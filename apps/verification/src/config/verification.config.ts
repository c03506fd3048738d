import { z } from 'zod';
import { httpPortSchema, kafkaConfigSchema, mongoConfigSchema, runtimeConfigSchema } from '@credstream/config';

/** Every variable the verification service reads. Parsed once at start-up by the config lib. */
export const verificationConfigSchema = runtimeConfigSchema
  .merge(httpPortSchema(3002))
  .merge(kafkaConfigSchema)
  .merge(mongoConfigSchema);

export type VerificationConfig = z.output<typeof verificationConfigSchema>;

import { z } from 'zod';
import {
  booleanFlag,
  httpPortSchema,
  kafkaConfigSchema,
  mongoConfigSchema,
  positiveInt,
  runtimeConfigSchema,
} from '@credstream/config';

/** What verifying a credential needs: where the OB 3.0 schemas are, how lenient clocks are, how long fetches may take. */
export const verifyCredentialConfigSchema = z.object({
  /** Directory of the official OB 3.0 JSON Schemas; a relative path is resolved against the working directory. */
  OB3_SCHEMA_DIR: z.string().min(1, 'must not be empty').default('../shared/standards/ob3/schemas'),
  /** Tolerance for issuer and verifier clocks that disagree, applied to validFrom/validUntil and status lists. */
  VERIFY_CLOCK_SKEW_SECONDS: positiveInt(60),
  /** Development only: did:web:localhost%3A<port> over plain http, and loopback addresses for it. */
  DID_WEB_ALLOW_INSECURE_LOCALHOST: booleanFlag(false),
  /** Whole-fetch limit for DID documents, https JWKs and status lists, redirects included. */
  VERIFY_FETCH_TIMEOUT_MS: positiveInt(3_000),
});

/** Every variable the verification service reads. Parsed once at start-up by the config lib. */
export const verificationConfigSchema = runtimeConfigSchema
  .merge(httpPortSchema(3002))
  .merge(kafkaConfigSchema)
  .merge(mongoConfigSchema)
  .merge(verifyCredentialConfigSchema);

export type VerificationConfig = z.output<typeof verificationConfigSchema>;
export type VerifyCredentialConfig = z.output<typeof verifyCredentialConfigSchema>;

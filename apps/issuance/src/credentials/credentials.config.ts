import { z } from 'zod';
import { booleanFlag, positiveInt } from '@credstream/config';

/** Issuing credentials, status lists and bulk jobs. */
export const credentialsConfigSchema = z.object({
  /** Directory of the official OB 3.0 JSON Schemas; a relative path is resolved against the working directory. */
  OB3_SCHEMA_DIR: z.string().min(1, 'must not be empty').default('../shared/standards/ob3/schemas'),
  /** `every` credential is checked against the OB 3.0 schema, or the `first-of-batch` of a bulk batch. */
  CREDENTIAL_SCHEMA_CHECK: z.enum(['every', 'first-of-batch']).default('every'),
  /** Entries (bits) per status list; Bitstring Status List asks for at least 131,072. */
  STATUS_LIST_SIZE: positiveInt(262_144).refine((n) => n >= 131_072 && n % 8 === 0, 'at least 131072, a multiple of 8'),
  /** Percent of a list's entries handed out before the next list of the series takes over. */
  STATUS_LIST_MAX_FILL_PERCENT: positiveInt(75).refine((n) => n <= 95, 'at most 95'),
  /** How long verifiers may cache a status list (its `ttl` and Cache-Control max-age), milliseconds. */
  STATUS_LIST_TTL_MS: positiveInt(300_000),
  BULK_MAX_ROWS: positiveInt(100_000),
  BULK_MAX_UPLOAD_BYTES: positiveInt(32 * 1024 * 1024),
  /** Credentials per commit of a bulk job. */
  BULK_BATCH_SIZE: positiveInt(500),
  /** Batches of a job in flight at once. */
  BULK_CONCURRENCY: positiveInt(3),
  /** Bulk batches are signed on a worker thread beside the main one (keys of the AES-GCM vault only). */
  SIGNING_THREAD: booleanFlag(true),
});

export type CredentialsConfig = z.output<typeof credentialsConfigSchema>;

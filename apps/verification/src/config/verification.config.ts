import { z } from 'zod';
import {
  booleanFlag,
  httpPortSchema,
  kafkaConfigSchema,
  mongoConfigSchema,
  niceValue,
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
  /** Largest JSON request body; a compact token over 256 KB is refused (413) whatever this says. */
  VERIFY_JSON_BODY_LIMIT_BYTES: positiveInt(1024 * 1024),
  /** Largest uploaded baked badge image. */
  VERIFY_UPLOAD_MAX_BYTES: positiveInt(2 * 1024 * 1024),
  /** Requests per client address and window on the public endpoints; beyond it, 429 RATE_LIMITED. */
  VERIFY_RATE_LIMIT: positiveInt(300),
  VERIFY_RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
  /**
   * Header a trusted edge proxy sets to the client's ISO country code (e.g. `cf-ipcountry`); recorded with each
   * verification. Empty: not read. The proxy must strip it from client requests.
   */
  VERIFY_REQUEST_COUNTRY_HEADER: z.string().trim().toLowerCase().default('x-request-country'),
  /**
   * Whether a response waits until its `credential.verified.v1` is stored (durable before answering, one event-store
   * append more of latency) or only queued (default; a crash loses at most the queue, a clean shutdown drains it).
   */
  VERIFY_AWAIT_EVENT_STORED: booleanFlag(false),
  /**
   * Linux nice value (0–19) of the thread that stores and publishes verification events: answers get the CPU first
   * under load and events are recorded as it drops, queued meanwhile (ADR 0010). 0 schedules it like the rest.
   */
  VERIFY_RECORDING_NICENESS: niceValue(10),
  /** How long a lookup of the issuer projection is reused by this instance (its own writes drop it at once). */
  VERIFY_ISSUER_CACHE_MS: positiveInt(1_000),
  /**
   * Distinct tokens whose decoding, schema validation and signature verdict (with the key found at each
   * verification) are remembered by their exact bytes; dates, status, key, issuer and recipient are judged on every
   * verification. 0: every verification decodes and checks its token from scratch.
   */
  VERIFY_TOKEN_MEMO_ENTRIES: z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .default(1_000),
});

/** Every variable the verification service reads. Parsed once at start-up by the config lib. */
export const verificationConfigSchema = runtimeConfigSchema
  .merge(httpPortSchema(3002))
  .merge(kafkaConfigSchema)
  .merge(mongoConfigSchema)
  .merge(verifyCredentialConfigSchema);

export type VerificationConfig = z.output<typeof verificationConfigSchema>;
export type VerifyCredentialConfig = z.output<typeof verifyCredentialConfigSchema>;

import { z } from 'zod';
import {
  booleanFlag,
  httpPortSchema,
  httpUrl,
  kafkaConfigSchema,
  mongoConfigSchema,
  niceValue,
  positiveInt,
  runtimeConfigSchema,
} from '@credstream/config';

const smtpUrl = () =>
  z.string().refine((value) => /^smtps?:\/\/[^/]+/.test(value), 'must be an smtp:// or smtps:// URL');

const nonNegativeInt = (defaultValue: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .int('must be a whole number')
    .min(0)
    .default(defaultValue);

/** Variables of the sharing service's own features (delivery, sessions, public pages). */
export const sharingFeatureConfigSchema = z.object({
  /** Base of every link the service hands out (claim, sign-in, share, public page). */
  SHARING_PUBLIC_URL: httpUrl().default('http://localhost:3003'),
  /** The verification service as browsers reach it: public pages ask it for the live status. */
  VERIFICATION_PUBLIC_URL: httpUrl().default('http://localhost:3002'),
  /** Outgoing mail; locally the MailDev of `tools/infra up mail` (inbox at http://127.0.0.1:1080). */
  SMTP_URL: smtpUrl().default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('credstream <no-reply@credstream.local>'),
  CLAIM_TOKEN_TTL_DAYS: positiveInt(14),
  MAGIC_LINK_TTL_MINUTES: positiveInt(15),
  SESSION_TTL_HOURS: positiveInt(168),
  /** Set in production (HTTPS): the session cookie is then only sent over TLS. */
  SESSION_COOKIE_SECURE: booleanFlag(false),
  /** Secret behind the daily salt of viewer hashes; the same on every replica. */
  VIEWER_HASH_SECRET: z.string().min(16, 'must be at least 16 characters').default('local-development-viewer-secret'),
  /** Header set by the trusted edge (CDN) with the viewer's ISO country; Accept-Language is the fallback. */
  TRUSTED_COUNTRY_HEADER: z.string().min(1).toLowerCase().default('cf-ipcountry'),
  /** How long a public page may be served from memory (0: always read). */
  PUBLIC_PAGE_CACHE_MS: nonNegativeInt(1000),
  /** Longest a page view waits in memory before it is stored (larger: fewer, bigger commits). */
  VIEW_FLUSH_INTERVAL_MS: positiveInt(500),
  /**
   * Linux nice value (0–19) of the thread that stores and publishes page views: pages get the CPU first under load and
   * views are recorded as it drops, buffered meanwhile (ADR 0010). 0 schedules the thread like the rest.
   */
  VIEW_RECORDING_NICENESS: niceValue(10),
  /** Page views held in memory while their store is behind (~315 bytes each); views beyond it are dropped and counted. */
  VIEW_BUFFER_MAX_VIEWS: positiveInt(250_000),
  IMPORT_MAX_BYTES: positiveInt(512 * 1024),
  /** Requests per minute and client address to the routes that mail links or redeem them (sign-in, claim). */
  LINK_REQUESTS_PER_MINUTE: positiveInt(20),
});

/** Every variable the sharing service reads. Parsed once at start-up by the config lib. */
export const sharingConfigSchema = runtimeConfigSchema
  .merge(httpPortSchema(3003))
  .merge(kafkaConfigSchema)
  .merge(mongoConfigSchema)
  .merge(sharingFeatureConfigSchema);

export type SharingConfig = z.output<typeof sharingConfigSchema>;
export type SharingFeatureConfig = z.output<typeof sharingFeatureConfigSchema>;

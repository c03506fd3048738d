import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  booleanFlag,
  httpPortSchema,
  httpUrl,
  kafkaConfigSchema,
  mongoConfigSchema,
  positiveInt,
  runtimeConfigSchema,
} from '@credstream/config';
import { didWebFor } from '@credstream/open-badges';
import { credentialsConfigSchema } from '../credentials/credentials.config';

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

/**
 * A fixed, public key for development only: keys sealed under it are not protected. Refused in production,
 * where SIGNING_KEY_MASTER_KEY must be set.
 */
export const DEVELOPMENT_MASTER_KEY = createHash('sha256')
  .update('credstream development master key: not a secret')
  .digest('base64');

/** Platform administration and API keys. */
export const accessConfigSchema = z.object({
  /** Bootstrap token of the platform administrator (creates tenants). Unset: admin routes refuse everyone. */
  PLATFORM_ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  /** Least time between two recorded uses of one API key. */
  API_KEY_LAST_USE_INTERVAL_MS: positiveInt(60_000),
});

/** Issuer identities: where DID documents are served, and the master key sealing issuer signing keys. */
export const issuerIdentityConfigSchema = z.object({
  /** Public base URL of this service: issuer DIDs are did:web under it (`did:web:<host>:issuers:<id>`). */
  ISSUANCE_PUBLIC_URL: httpUrl().default('http://localhost:3001'),
  /** Development only: did:web over plain http, for a loopback host only (localhost, 127.0.0.1, ::1). */
  DID_WEB_ALLOW_INSECURE_LOCALHOST: booleanFlag(true),
  /** AES-256 master key (base64, 32 bytes) sealing issuer private keys. Required in production. */
  SIGNING_KEY_MASTER_KEY: base64Key.optional(),
  /** Name of the master key recorded in sealed keys; defaults to a fingerprint of it. */
  SIGNING_KEY_MASTER_KEY_ID: z.string().min(1).optional(),
  /** Earlier master keys (comma-separated base64), still opened after a master key rotation. */
  SIGNING_KEY_RETIRED_MASTER_KEYS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((keys) => keys.every((key) => Buffer.from(key, 'base64').length === 32), 'each must be 32 bytes, base64')
    .optional(),
});

/** Every variable the issuance service reads. Parsed once at start-up by the config lib. */
export const issuanceConfigSchema = runtimeConfigSchema
  .merge(httpPortSchema(3001))
  .merge(kafkaConfigSchema)
  .merge(mongoConfigSchema)
  .merge(accessConfigSchema)
  .merge(issuerIdentityConfigSchema)
  .merge(credentialsConfigSchema)
  .superRefine((config, context) => {
    try {
      didWebFor(config.ISSUANCE_PUBLIC_URL, [], { allowHttp: config.DID_WEB_ALLOW_INSECURE_LOCALHOST });
    } catch (error) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['ISSUANCE_PUBLIC_URL'],
        message: `cannot host did:web DIDs: ${(error as Error).message}`,
      });
    }
    if (config.NODE_ENV === 'production' && !config.SIGNING_KEY_MASTER_KEY) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SIGNING_KEY_MASTER_KEY'],
        message: 'is required in production',
      });
    }
  });

export type IssuanceConfig = z.output<typeof issuanceConfigSchema>;
export type AccessConfig = z.output<typeof accessConfigSchema>;
export type IssuerIdentityConfig = z.output<typeof issuerIdentityConfigSchema>;

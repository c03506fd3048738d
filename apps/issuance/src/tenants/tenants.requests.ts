import { z } from 'zod';
import { API_KEY_SCOPES } from '@credstream/access';
import { text } from '../app/http/request-fields';

export const apiKeyRequestSchema = z.object({
  name: text(100),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, { errorMap: () => ({ message: `must be one of ${API_KEY_SCOPES.join(', ')}` }) }), {
      required_error: 'is required',
      invalid_type_error: 'must be an array of scopes',
    })
    .min(1, 'must name at least one scope')
    .max(API_KEY_SCOPES.length),
});

export const createTenantRequestSchema = z.object({
  tenantId: z
    .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
    .regex(
      /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
      'must be a lower-case slug of letters, digits and hyphens (max 64)',
    ),
  name: text(200),
  country: z
    .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
    .transform((country) => country.toUpperCase()),
  sector: text(100).optional(),
  /** The first key; by default an `admin` key named "initial admin key". */
  initialApiKey: apiKeyRequestSchema
    .partial()
    .default({})
    .transform((key) => ({ name: key.name ?? 'initial admin key', scopes: key.scopes ?? ['admin' as const] })),
});

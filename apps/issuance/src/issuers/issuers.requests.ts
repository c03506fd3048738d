import { z } from 'zod';
import { parseRequest } from '../app/http/parse-request';
import { httpUrl, text } from '../app/http/request-fields';

export const SIGNING_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'] as const;
const algorithm = z.enum(SIGNING_ALGORITHMS, {
  errorMap: () => ({ message: `must be one of ${SIGNING_ALGORITHMS.join(', ')}` }),
});

export const issuerProfileSchema = z.object({
  name: text(200),
  url: httpUrl.optional(),
  email: z
    .string({ invalid_type_error: 'must be a string' })
    .trim()
    .email('must be an email address')
    .max(320)
    .optional(),
  description: text(2_000).optional(),
  imageUrl: httpUrl.optional(),
});

export const createIssuerRequestSchema = issuerProfileSchema.extend({
  /** Algorithm of the first signing key: ES256 (P-256) by default, RS256 (RSA 2048), or EdDSA (Ed25519). */
  keyAlgorithm: algorithm.optional(),
});

export const rotateKeyRequestSchema = z.object({ algorithm: algorithm.optional() });

export const revokeKeyRequestSchema = z.object({ reason: text(500) });

/** A UUID path parameter, or 400 REQUEST_INVALID naming it. */
export function uuidParam(name: string, value: string): string {
  return parseRequest(z.string().uuid('must be a UUID'), value, name);
}

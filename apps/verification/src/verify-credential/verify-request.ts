import { HttpStatus } from '@nestjs/common';
import { z } from 'zod';
import { ProblemException } from '@credstream/runtime';
import type { RecipientClaim, VerifierIdentity } from '@credstream/verification/domain';

/** The one code for every request to a verification endpoint whose shape is wrong (not: an invalid credential). */
export const VERIFY_REQUEST_INVALID = 'VERIFY_REQUEST_INVALID';

/** A compact VC-JWT, or a JSON object (an EnvelopedVerifiableCredential); the checks judge its content. */
const credentialValue = (what: string) =>
  z.union([z.string(), z.record(z.unknown())], {
    errorMap: (issue, ctx) => ({
      message:
        ctx.data === undefined
          ? 'is required'
          : issue.code === 'invalid_union' || issue.code === 'invalid_type'
            ? `must be ${what}`
            : ctx.defaultError,
    }),
  });

const vcalmRequestSchema = z.object({
  verifiableCredential: credentialValue('a compact VC-JWT string or an EnvelopedVerifiableCredential object'),
  options: z.record(z.unknown(), { invalid_type_error: 'must be an object' }).optional(),
});

const optionalText = (max: number) =>
  z.string({ invalid_type_error: 'must be a string' }).trim().max(max, `must be at most ${max} characters`).optional();

const friendlyRequestSchema = z.object({
  credential: credentialValue('a compact VC-JWT string or a credential object'),
  recipient: z
    .object(
      {
        email: z.string({ invalid_type_error: 'must be a string' }).trim().email('must be an email address').optional(),
        did: z
          .string({ invalid_type_error: 'must be a string' })
          .trim()
          .regex(/^did:[a-z0-9]+:\S+$/, 'must be a DID')
          .optional(),
      },
      { invalid_type_error: 'must be an object' },
    )
    .refine((recipient) => !(recipient.email && recipient.did), 'give either email or did, not both')
    .optional(),
  verifier: z
    .object(
      {
        organization: optionalText(200),
        sector: optionalText(16),
        country: z
          .string({ invalid_type_error: 'must be a string' })
          .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
          .transform((country) => country.toUpperCase())
          .optional(),
      },
      { invalid_type_error: 'must be an object' },
    )
    .optional(),
});

export interface VcalmVerifyRequest {
  verifiableCredential: unknown;
  options?: Record<string, unknown>;
}

export interface FriendlyVerifyRequest {
  credential: unknown;
  recipient?: RecipientClaim;
  verifier?: VerifierIdentity;
}

/** `POST /credentials/verify` body, or a 400 VERIFY_REQUEST_INVALID naming the fields at fault. */
export function parseVcalmRequest(body: unknown): VcalmVerifyRequest {
  return parseOrReject(vcalmRequestSchema, body);
}

/** `POST /verify` body, or a 400 VERIFY_REQUEST_INVALID naming the fields at fault. */
export function parseFriendlyRequest(body: unknown): FriendlyVerifyRequest {
  const { credential, recipient, verifier } = parseOrReject(friendlyRequestSchema, body);
  const claim: RecipientClaim | undefined = recipient?.email
    ? { email: recipient.email }
    : recipient?.did
      ? { did: recipient.did }
      : undefined;
  return { credential, recipient: claim, verifier };
}

function parseOrReject<S extends z.ZodTypeAny>(schema: S, body: unknown): z.output<S> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ProblemException(
      HttpStatus.BAD_REQUEST,
      VERIFY_REQUEST_INVALID,
      'The request body must be a JSON object (Content-Type: application/json).',
      [{ field: '(body)', message: 'must be a JSON object' }],
    );
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data as z.output<S>;
  const errors = parsed.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
  throw new ProblemException(
    HttpStatus.BAD_REQUEST,
    VERIFY_REQUEST_INVALID,
    `The request is invalid: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}.`,
    errors,
  );
}

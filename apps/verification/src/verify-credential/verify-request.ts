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

const optionalText = (max: number) =>
  z.string({ invalid_type_error: 'must be a string' }).trim().max(max, `must be at most ${max} characters`).optional();

const recipientSchema = z
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
  .optional();

const verifierSchema = z
  .object(
    {
      organization: optionalText(200),
      sector: z
        .string({ invalid_type_error: 'must be a string' })
        .trim()
        .regex(/^[A-Ua-u](\d{2}(\d{1,2})?)?$/, 'must be an ISIC code, e.g. J62 or J6201')
        .transform((sector) => sector.toUpperCase())
        .optional(),
      country: z
        .string({ invalid_type_error: 'must be a string' })
        .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')
        .transform((country) => country.toUpperCase())
        .optional(),
    },
    { invalid_type_error: 'must be an object' },
  )
  .optional();

/** Channels a caller may declare; `page` and `upload` are set by the server for its own page and uploads. */
const channelSchema = z
  .enum(['api', 'embed', 'wallet'], { errorMap: () => ({ message: 'must be api, embed or wallet' }) })
  .optional();

const vcalmRequestSchema = z.object({
  verifiableCredential: credentialValue('a compact VC-JWT string or an EnvelopedVerifiableCredential object'),
  options: z
    .object(
      { recipient: recipientSchema, verifier: verifierSchema, channel: channelSchema },
      { invalid_type_error: 'must be an object' },
    )
    .passthrough()
    .optional(),
});

const friendlyRequestSchema = z.object({
  credential: credentialValue('a compact VC-JWT string or a credential object'),
  recipient: recipientSchema,
  verifier: verifierSchema,
  channel: channelSchema,
});

/** `POST /verify` as multipart/form-data: the image in `file`, or a token in `credential`; flat text fields. */
const uploadFieldsSchema = z.object({
  credential: z.string({ invalid_type_error: 'must be a string' }).optional(),
  recipientEmail: z.string().trim().email('must be an email address').optional(),
  recipientDid: z
    .string()
    .trim()
    .regex(/^did:[a-z0-9]+:\S+$/, 'must be a DID')
    .optional(),
});

/** What every verification endpoint comes down to, besides the credential itself. */
export interface VerifyRequestOptions {
  recipient?: RecipientClaim;
  verifier?: VerifierIdentity;
  channel?: 'api' | 'embed' | 'wallet';
}

export interface VerifyRequest extends VerifyRequestOptions {
  credential: unknown;
}

/** `POST /credentials/verify` body, or a 400 VERIFY_REQUEST_INVALID naming the fields at fault. */
export function parseVcalmRequest(body: unknown): VerifyRequest {
  const { verifiableCredential, options } = parseOrReject(vcalmRequestSchema, body);
  return { credential: verifiableCredential, ...requestOptions(options ?? {}) };
}

/** `POST /verify` JSON body, or a 400 VERIFY_REQUEST_INVALID naming the fields at fault. */
export function parseFriendlyRequest(body: unknown): VerifyRequest {
  if (isTokenOnly(body)) return { credential: body.credential };
  const { credential, ...options } = parseOrReject(friendlyRequestSchema, body);
  return { credential, ...requestOptions(options) };
}

/** `POST /verify` multipart fields (the file comes separately). */
export function parseUploadFields(body: unknown): { credential?: string; recipient?: RecipientClaim } {
  const fields = parseOrReject(uploadFieldsSchema, body ?? {});
  return {
    credential: fields.credential,
    recipient: recipientClaim({ email: fields.recipientEmail, did: fields.recipientDid }),
  };
}

/** The usual API call, `{"credential": "<compact JWT>"}`: nothing else to validate, so no schema to run. */
function isTokenOnly(body: unknown): body is { credential: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  return (
    keys.length === 1 && keys[0] === 'credential' && typeof (body as { credential?: unknown }).credential === 'string'
  );
}

function requestOptions(options: {
  recipient?: { email?: string; did?: string };
  verifier?: VerifierIdentity;
  channel?: 'api' | 'embed' | 'wallet';
}): VerifyRequestOptions {
  const parsed: VerifyRequestOptions = {};
  const recipient = recipientClaim(options.recipient);
  if (recipient) parsed.recipient = recipient;
  if (options.verifier) parsed.verifier = options.verifier;
  if (options.channel) parsed.channel = options.channel;
  return parsed;
}

function recipientClaim(recipient: { email?: string; did?: string } | undefined): RecipientClaim | undefined {
  if (recipient?.email) return { email: recipient.email };
  return recipient?.did ? { did: recipient.did } : undefined;
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

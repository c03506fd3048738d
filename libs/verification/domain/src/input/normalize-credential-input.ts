import type { Failure } from '../checks/check-result';
import type { CredentialInput } from './credential-input';

/** Larger tokens are refused before any decoding (the HTTP layer answers 413 before this). */
export const MAX_TOKEN_LENGTH = 256 * 1024;

/** Media types a `data:` URL of an EnvelopedVerifiableCredential may carry a VC-JWT under. */
const JWT_MEDIA_TYPES = new Set([
  'application/vc+jwt',
  'application/vc-ld+jwt',
  'application/vc+ld+json+jwt',
  'application/jwt',
]);

export type NormalizedInput = { ok: true; token: string } | { ok: false; failure: Failure };

/** Every accepted input shape comes down to one compact JWS; anything else is a named failure. */
export function normalizeCredentialInput(input: CredentialInput): NormalizedInput {
  switch (input.kind) {
    case 'text':
      return fromText(input.text);
    case 'json':
      return fromDocument(input.document);
    case 'baked-image':
      return fail('FORMAT_UNSUPPORTED', 'a baked image must be unpacked to its credential before verification');
  }
}

function fromText(text: string): NormalizedInput {
  if (typeof text !== 'string') return fail('JWT_MALFORMED', 'the credential is not text');
  if (text.length > MAX_TOKEN_LENGTH)
    return fail('TOKEN_TOO_LARGE', `the credential exceeds ${MAX_TOKEN_LENGTH} bytes`);
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      return fromDocument(JSON.parse(trimmed));
    } catch {
      return fail('JWT_MALFORMED', 'the credential is neither a compact JWT nor JSON');
    }
  }
  return { ok: true, token: trimmed };
}

function fromDocument(document: unknown): NormalizedInput {
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    return fail('JWT_MALFORMED', 'the credential is not a JSON object');
  }
  const { type, id } = document as { type?: unknown; id?: unknown };
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('EnvelopedVerifiableCredential')) return fromDataUrl(id);
  if ('proof' in document) {
    return fail('FORMAT_UNSUPPORTED', 'embedded proofs (Data Integrity) are not supported; send the VC-JWT');
  }
  return fail('FORMAT_UNSUPPORTED', 'an unsecured credential has no proof to verify');
}

function fromDataUrl(id: unknown): NormalizedInput {
  if (typeof id !== 'string' || !id.startsWith('data:')) {
    return fail('JWT_MALFORMED', 'the EnvelopedVerifiableCredential id is not a data: URL');
  }
  const comma = id.indexOf(',');
  if (comma < 0) return fail('JWT_MALFORMED', 'the data: URL has no data');
  const [mediaType, ...parameters] = id.slice('data:'.length, comma).split(';');
  if (!JWT_MEDIA_TYPES.has(mediaType.trim().toLowerCase())) {
    return fail('FORMAT_UNSUPPORTED', `enveloped media type ${mediaType || '(none)'} is not a VC-JWT`);
  }
  if (parameters.some((parameter) => parameter.trim().toLowerCase() === 'base64')) {
    return fail('JWT_MALFORMED', 'a VC-JWT data: URL carries the token as is, not base64');
  }
  return fromText(safeDecodeUri(id.slice(comma + 1)));
}

function safeDecodeUri(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const fail = (code: Failure['code'], message: string): NormalizedInput => ({ ok: false, failure: { code, message } });

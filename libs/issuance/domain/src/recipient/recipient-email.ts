import { RecipientEmailInvalidError } from './recipient.errors';

// The `email` format of ajv-formats in full mode, which validates `recipientEmail` in credential.issued.v1:
// an address the domain accepts must never be refused when the event is appended.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const MAX_LENGTH = 254; // RFC 5321 path limit
const MAX_LOCAL_LENGTH = 64;

/** Trimmed and lower-cased — the form that is hashed, so one address always gives one identityHash. */
export function normalizeRecipientEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (!isValidRecipientEmail(normalized)) throw new RecipientEmailInvalidError();
  return normalized;
}

export function isValidRecipientEmail(email: string): boolean {
  const normalized = email.trim().toLowerCase();
  const at = normalized.lastIndexOf('@');
  return normalized.length <= MAX_LENGTH && at > 0 && at <= MAX_LOCAL_LENGTH && EMAIL.test(normalized);
}

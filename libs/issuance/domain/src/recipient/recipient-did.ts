import { RecipientDidInvalidError } from './recipient.errors';

// W3C DID Core syntax: did:<method>:<method-specific-id>; a bare DID, no path, query or fragment.
const DID = /^did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/;

export const isValidDid = (did: string): boolean => DID.test(did);

/** Trims the DID and checks its syntax; case is kept (method-specific ids are case-sensitive). */
export function normalizeRecipientDid(did: string): string {
  const trimmed = did.trim();
  if (!isValidDid(trimmed)) throw new RecipientDidInvalidError(trimmed);
  return trimmed;
}

import { isBlank, isHttpUrl } from '../common/domain-guards';
import { omitUndefined } from '../common/omit-undefined';
import { isValidDid } from '../recipient/recipient-did';
import { isValidRecipientEmail } from '../recipient/recipient-email';
import { ISSUER_ERROR_CODES as CODES, IssuerError } from './issuer.errors';
import type { IssuerProfile } from './issuer.events';

/** Checks and trims a profile; blank optional fields are dropped. */
export function normalizeIssuerProfile(profile: IssuerProfile): IssuerProfile {
  if (isBlank(profile.name)) throw new IssuerError(CODES.nameRequired, 'an issuer needs a name', { field: 'name' });
  const optional = (value: string | undefined): string | undefined => (isBlank(value) ? undefined : value?.trim());
  const normalized = omitUndefined({
    name: profile.name.trim(),
    url: optional(profile.url),
    email: optional(profile.email)?.toLowerCase(),
    description: optional(profile.description),
    imageUrl: optional(profile.imageUrl),
  });
  for (const field of ['url', 'imageUrl'] as const) {
    const value = normalized[field];
    if (value !== undefined && !isHttpUrl(value)) {
      throw new IssuerError(CODES.urlInvalid, `${field} must be an absolute http(s) URL`, { field });
    }
  }
  if (normalized.email !== undefined && !isValidRecipientEmail(normalized.email)) {
    throw new IssuerError(CODES.emailInvalid, 'the contact email is not valid', { field: 'email' });
  }
  return normalized;
}

export function assertIssuerDid(did: string): void {
  if (!did.startsWith('did:web:') || !isValidDid(did)) {
    throw new IssuerError(CODES.didInvalid, `"${did}" is not a did:web DID`, { field: 'did' });
  }
}

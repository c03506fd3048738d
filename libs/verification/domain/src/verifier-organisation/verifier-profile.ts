import { InvalidVerifierProfileError } from './verifier-organisation.errors';
import type { VerifierProfile } from './verifier-organisation.events';

/** ISIC Rev. 4: a section letter A–U, optionally followed by a 2-digit division, 3-digit group or 4-digit class. */
const ISIC_CODE = /^[A-U](\d{2}(\d{1,2})?)?$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
export const MAX_VERIFIER_NAME_LENGTH = 200;

/** A profile as registered: trimmed, codes upper-cased, each field checked; the first fault is refused. */
export function verifierProfile(input: { name: string; sector: string; country: string }): VerifierProfile {
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_VERIFIER_NAME_LENGTH) {
    throw new InvalidVerifierProfileError('name', `name must be 1 to ${MAX_VERIFIER_NAME_LENGTH} characters`);
  }
  const sector = input.sector.trim().toUpperCase();
  if (!ISIC_CODE.test(sector)) {
    throw new InvalidVerifierProfileError('sector', 'sector must be an ISIC Rev. 4 code, e.g. "M" or "M69"');
  }
  const country = input.country.trim().toUpperCase();
  if (!COUNTRY_CODE.test(country)) {
    throw new InvalidVerifierProfileError('country', 'country must be an ISO 3166-1 alpha-2 code, e.g. "DE"');
  }
  return { name, sector, country };
}

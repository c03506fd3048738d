import { identityMatches, type IdentityObject } from '@credstream/open-badges';
import { failed, passed, skipped, type CheckResult } from './check-result';

/** Who the verifier says the credential belongs to. */
export type RecipientClaim = { email: string } | { did: string };

const IDENTITY_TYPES = { email: 'emailAddress', did: 'did' } as const;

/** Whether the credential names the claimed recipient: by subject id for a DID, else by (salted) identity hash. */
export function checkRecipient(credential: Record<string, unknown>, claim: RecipientClaim | undefined): CheckResult {
  if (claim === undefined) return skipped('recipient', 'NOT_APPLICABLE', 'no recipient was given to match');
  const kind = 'email' in claim ? 'email' : 'did';
  const claimed = 'email' in claim ? claim.email : claim.did;
  const subjects = subjectsOf(credential);
  const matches = subjects.some(
    (subject) =>
      (kind === 'did' && subject['id'] === claimed) ||
      identifiersOf(subject).some(
        (identity) => identity.identityType === IDENTITY_TYPES[kind] && identityMatches(identity, claimed),
      ),
  );
  return matches
    ? passed('recipient', `issued to the given ${kind === 'email' ? 'email address' : 'DID'}`)
    : failed(
        'recipient',
        'RECIPIENT_MISMATCH',
        `the credential was not issued to the given ${kind === 'email' ? 'email address' : 'DID'}`,
      );
}

function subjectsOf(credential: Record<string, unknown>): Record<string, unknown>[] {
  const subject = credential['credentialSubject'];
  const all: unknown[] = Array.isArray(subject) ? subject : [subject];
  return all.filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
}

function identifiersOf(subject: Record<string, unknown>): IdentityObject[] {
  const identifier = subject['identifier'];
  const all: unknown[] = Array.isArray(identifier) ? identifier : [identifier];
  return all.filter(
    (i): i is IdentityObject =>
      !!i &&
      typeof i === 'object' &&
      typeof (i as IdentityObject).identityHash === 'string' &&
      typeof (i as IdentityObject).identityType === 'string',
  );
}

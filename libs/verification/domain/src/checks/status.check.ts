import type { StatusEntries, StatusEntry } from '../status/status-entry';
import type { StatusListSnapshot } from '../status/status-list-snapshot';
import { failed, passed, skipped, type CheckResult, type Failure } from './check-result';
import type { FailureCode } from './reason-code';

export type StatusListLookup = { ok: true; snapshot: StatusListSnapshot } | { ok: false; failure: Failure };

/** What credstream's own issuance records say about one of its credentials (known at once, no list needed). */
export interface KnownCredentialStatus {
  revoked: boolean;
  suspended: boolean;
}

export interface StatusCheckInput {
  credentialIssuerId: string | undefined;
  entries: StatusEntries;
  /** The lists the entries point to, by URL. */
  lists: ReadonlyMap<string, StatusListLookup>;
  /** When set, it decides: issuance records are fresher than any published list. */
  known?: KnownCredentialStatus;
  now: Date;
  clockSkewSeconds: number;
}

/** Most telling first: a set revocation bit is a fact, an unreachable list only a doubt. */
const PRIORITY: FailureCode[] = [
  'STATUS_REVOKED',
  'STATUS_SUSPENDED',
  'STATUS_LIST_INVALID',
  'STATUS_ENTRY_INVALID',
  'STATUS_UNAVAILABLE',
];

export function checkStatus(input: StatusCheckInput): CheckResult {
  if (input.known) return fromKnown(input.known);
  const { entries, unsupported, invalid } = input.entries;
  if (entries.length === 0 && invalid.length === 0) {
    return unsupported.length > 0
      ? skipped('status', 'STATUS_TYPE_UNSUPPORTED', `status of type ${unsupported.join(', ')} is not checked`)
      : skipped('status', 'NOT_APPLICABLE', 'the credential has no credentialStatus');
  }
  const failures = [...invalid];
  for (const entry of entries) {
    const failure = evaluateEntry(entry, input);
    if (failure) failures.push(failure);
  }
  failures.sort((a, b) => PRIORITY.indexOf(a.code) - PRIORITY.indexOf(b.code));
  const [first] = failures;
  return first ? failed('status', first.code, first.message) : passed('status');
}

function fromKnown(known: KnownCredentialStatus): CheckResult {
  if (known.revoked) return failed('status', 'STATUS_REVOKED', 'the issuer revoked this credential');
  if (known.suspended) return failed('status', 'STATUS_SUSPENDED', 'the issuer suspended this credential');
  return passed('status', 'neither revoked nor suspended per the issuer records');
}

function evaluateEntry(entry: StatusEntry, input: StatusCheckInput): Failure | undefined {
  const lookup = input.lists.get(entry.listUrl);
  if (!lookup) return { code: 'STATUS_UNAVAILABLE', message: `the status list ${entry.listUrl} was not fetched` };
  if (!lookup.ok) return lookup.failure;
  const { snapshot } = lookup;
  const invalid = (message: string): Failure => ({ code: 'STATUS_LIST_INVALID', message });
  if (snapshot.issuerId !== input.credentialIssuerId) return invalid('the status list has another issuer');
  if (!snapshot.purposes.includes(entry.purpose)) return invalid(`the status list is not for ${entry.purpose}`);
  const until = snapshot.validUntil === undefined ? undefined : Date.parse(snapshot.validUntil);
  if (until !== undefined && !(until + input.clockSkewSeconds * 1000 >= input.now.getTime())) {
    return invalid('the status list credential has expired');
  }
  if (entry.index >= snapshot.list.length) return invalid(`index ${entry.index} is beyond the list's length`);
  if (!snapshot.list.get(entry.index)) return undefined;
  if (entry.purpose === 'revocation') return { code: 'STATUS_REVOKED', message: 'the issuer revoked this credential' };
  if (entry.purpose === 'suspension')
    return { code: 'STATUS_SUSPENDED', message: 'the issuer suspended this credential' };
  return undefined;
}

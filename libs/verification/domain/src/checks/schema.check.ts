import { ACHIEVEMENT_CREDENTIAL_SCHEMA_URL } from '@credstream/open-badges';
import { failed, passed, skipped, type CheckResult } from './check-result';

export const ENDORSEMENT_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json';

export interface SchemaProblem {
  /** JSON Pointer of the offending value. */
  path: string;
  message: string;
}

/** What validating against one schema gave: unknown to us, or known with its problems (none when valid). */
export type SchemaOutcome = { schemaId: string } & ({ known: false } | { known: true; problems: SchemaProblem[] });

/**
 * The schemas to validate against: those named in `credentialSchema`; without any, the official OB 3.0 schema
 * for the credential's type (VCDM 2.0 only: the official schemas do not describe VCDM 1.1 credentials).
 */
export function schemaIdsFor(credential: Record<string, unknown>, dataModel: '2.0' | '1.1'): string[] {
  const declared = credential['credentialSchema'];
  const entries: unknown[] = Array.isArray(declared) ? declared : declared === undefined ? [] : [declared];
  const ids = entries
    .map((entry) => (entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string');
  if (ids.length > 0 || dataModel !== '2.0') return ids;
  const types = Array.isArray(credential['type']) ? (credential['type'] as unknown[]) : [credential['type']];
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) {
    return [ACHIEVEMENT_CREDENTIAL_SCHEMA_URL];
  }
  return types.includes('EndorsementCredential') ? [ENDORSEMENT_CREDENTIAL_SCHEMA_URL] : [];
}

const MAX_LISTED_PROBLEMS = 5;

export function checkSchema(outcomes: readonly SchemaOutcome[]): CheckResult {
  if (outcomes.length === 0) return skipped('schema', 'NOT_APPLICABLE', 'no OB 3.0 schema applies to this credential');
  const problems = outcomes.flatMap((outcome) => (outcome.known ? outcome.problems : []));
  if (problems.length > 0) {
    const listed = problems
      .slice(0, MAX_LISTED_PROBLEMS)
      .map((problem) => `${problem.path || '/'} ${problem.message}`)
      .join('; ');
    const more = problems.length > MAX_LISTED_PROBLEMS ? ` (and ${problems.length - MAX_LISTED_PROBLEMS} more)` : '';
    return failed('schema', 'SCHEMA_INVALID', `${listed}${more}`);
  }
  const known = outcomes.filter((outcome) => outcome.known).map((outcome) => outcome.schemaId);
  if (known.length === 0) {
    return skipped('schema', 'SCHEMA_UNKNOWN', `no known schema among ${outcomes.map((o) => o.schemaId).join(', ')}`);
  }
  return passed('schema', `valid against ${known.join(', ')}`);
}

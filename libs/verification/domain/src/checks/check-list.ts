import { BLOCKING_CHECKS, CHECK_NAMES, type CheckName } from './check-name';
import type { CheckResult } from './check-result';

/** The first failed check that stops the verification, if any. */
export function blockingFailureOf(checks: readonly CheckResult[]): CheckResult | undefined {
  return checks.find((check) => check.status === 'failed' && BLOCKING_CHECKS.has(check.name));
}

/**
 * The full ordered list: the checks that ran, in verification order, and every check that did not run reported
 * as skipped (`BLOCKED` by the first blocking failure, otherwise `NOT_APPLICABLE`).
 */
export function completeChecks(checks: readonly CheckResult[]): CheckResult[] {
  const byName = new Map<CheckName, CheckResult>(checks.map((check) => [check.name, check]));
  const blocker = blockingFailureOf(checks);
  return CHECK_NAMES.map((name) => {
    const ran = byName.get(name);
    if (ran) return ran;
    if (blocker) {
      return {
        name,
        status: 'skipped',
        code: 'BLOCKED',
        message: `not run: the ${blocker.name} check failed`,
        required: name !== 'issuer',
        blockedBy: blocker.name,
      };
    }
    return { name, status: 'skipped', code: 'NOT_APPLICABLE', message: 'not run', required: name !== 'issuer' };
  });
}

/**
 * Verified when no required check failed (warnings do not count) and every blocking check actually passed:
 * a credential whose signature was never checked is never verified, whatever else happened.
 */
export function isVerified(checks: readonly CheckResult[]): boolean {
  const noRequiredFailure = checks.every((check) => check.status !== 'failed' || !check.required);
  return (
    noRequiredFailure &&
    [...BLOCKING_CHECKS].every((name) => checks.some((c) => c.name === name && c.status === 'passed'))
  );
}

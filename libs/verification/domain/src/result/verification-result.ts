import { completeChecks, isVerified } from '../checks/check-list';
import type { CheckResult } from '../checks/check-result';
import { problemDetailOf, type ProblemDetail } from './problem-details';

/** The VCALM (VC-API) verification response: the outcome, every check in order, and what went wrong. */
export interface VerificationResult {
  verified: boolean;
  checks: CheckResult[];
  /** One per failed required check. */
  problemDetails: ProblemDetail[];
  /** One per failed check that is not required (e.g. an issuer credstream does not know). */
  warnings: ProblemDetail[];
}

/** Completes the checks that ran (the rest reported as skipped) and derives the outcome from them. */
export function verificationResultOf(checksThatRan: readonly CheckResult[]): VerificationResult {
  const checks = completeChecks(checksThatRan);
  const failures = checks.filter((check) => check.status === 'failed');
  return {
    verified: isVerified(checks),
    checks,
    problemDetails: failures.filter((check) => check.required).map(problemDetailOf),
    warnings: failures.filter((check) => !check.required).map(problemDetailOf),
  };
}

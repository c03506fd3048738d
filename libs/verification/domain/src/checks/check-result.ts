import type { CheckName } from './check-name';
import type { FailureCode, ReasonCode, SkipCode } from './reason-code';

export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** One named check of a verification. Checks never throw: every outcome is one of these. */
export interface CheckResult {
  name: CheckName;
  status: CheckStatus;
  /** Set for every failure and skip; a passed check has none. */
  code?: ReasonCode;
  /** Plain words for people; never parsed. */
  message?: string;
  /** A failed check that is not required is a warning: reported, but `verified` does not depend on it. */
  required: boolean;
  /** For a `BLOCKED` skip: the failed check that stopped the verification. */
  blockedBy?: CheckName;
}

/** A failure with its reason, as functions that may fail return it. */
export interface Failure<C extends ReasonCode = FailureCode> {
  code: C;
  message: string;
}

export const passed = (name: CheckName, message?: string): CheckResult =>
  message === undefined
    ? { name, status: 'passed', required: true }
    : { name, status: 'passed', message, required: true };

export const failed = (name: CheckName, code: FailureCode, message: string): CheckResult => ({
  name,
  status: 'failed',
  code,
  message,
  required: true,
});

export const warning = (name: CheckName, code: FailureCode, message: string): CheckResult => ({
  name,
  status: 'failed',
  code,
  message,
  required: false,
});

export const skipped = (name: CheckName, code: SkipCode, message: string): CheckResult => ({
  name,
  status: 'skipped',
  code,
  message,
  required: true,
});

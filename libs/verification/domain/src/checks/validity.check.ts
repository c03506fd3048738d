import { failed, passed, type CheckResult } from './check-result';

export interface ValidityInput {
  credential: Record<string, unknown>;
  claims: Partial<Record<string, unknown>>;
  now: Date;
  clockSkewSeconds: number;
}

/**
 * validFrom/validUntil (issuanceDate/expirationDate for VCDM 1.1; nbf/exp when the credential has neither),
 * each widened by the clock skew so that a verifier whose clock runs a little behind still accepts a fresh one.
 */
export function checkValidityPeriod({ credential, claims, now, clockSkewSeconds }: ValidityInput): CheckResult {
  const from = dateOf(credential['validFrom'] ?? credential['issuanceDate'], claims['nbf']);
  const until = dateOf(credential['validUntil'] ?? credential['expirationDate'], claims['exp']);
  if (from === 'invalid' || until === 'invalid') {
    return failed('validity', 'DATE_INVALID', 'validFrom or validUntil is not a valid date-time');
  }
  const skewMs = Math.max(0, clockSkewSeconds) * 1000;
  const nowMs = now.getTime();
  if (from !== undefined && nowMs + skewMs < from) {
    return failed('validity', 'NOT_YET_VALID', `valid only from ${new Date(from).toISOString()}`);
  }
  if (until !== undefined && nowMs - skewMs > until) {
    return failed('validity', 'EXPIRED', `expired at ${new Date(until).toISOString()}`);
  }
  return passed('validity');
}

/** Milliseconds of a date-time string, else of a NumericDate claim; 'invalid' when present but unreadable. */
function dateOf(dateTime: unknown, numericDate: unknown): number | 'invalid' | undefined {
  if (dateTime !== undefined) {
    const ms = typeof dateTime === 'string' ? Date.parse(dateTime) : Number.NaN;
    return Number.isFinite(ms) ? ms : 'invalid';
  }
  if (numericDate === undefined) return undefined;
  return typeof numericDate === 'number' && Number.isFinite(numericDate) ? numericDate * 1000 : 'invalid';
}

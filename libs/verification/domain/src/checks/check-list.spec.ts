import { completeChecks, isVerified } from './check-list';
import { CHECK_NAMES } from './check-name';
import { failed, passed, warning } from './check-result';

const proofPassed = [passed('structure'), passed('algorithm'), passed('key'), passed('signature')];

describe('check list', () => {
  it('reports every check after a blocking failure as skipped BLOCKED, naming the blocker', () => {
    const checks = completeChecks([passed('structure'), failed('algorithm', 'ALG_NOT_ALLOWED', 'none')]);
    expect(checks.map((c) => c.name)).toEqual([...CHECK_NAMES]);
    expect(
      checks.slice(2).every((c) => c.status === 'skipped' && c.code === 'BLOCKED' && c.blockedBy === 'algorithm'),
    ).toBe(true);
    expect(isVerified(checks)).toBe(false);
  });

  it('is verified with warnings, not with a required failure', () => {
    const rest = [passed('claims'), passed('schema'), passed('validity'), passed('status'), passed('recipient')];
    expect(isVerified(completeChecks([...proofPassed, ...rest, warning('issuer', 'ISSUER_UNKNOWN', 'x')]))).toBe(true);
    const expired = [...proofPassed, failed('validity', 'EXPIRED', 'x')];
    expect(isVerified(completeChecks(expired))).toBe(false);
  });

  it('is never verified when the signature was not checked', () => {
    expect(isVerified(completeChecks([passed('structure'), passed('algorithm')]))).toBe(false);
  });
});

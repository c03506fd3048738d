import { ALLOWED_ALGORITHMS, type AllowedAlgorithm } from '../policy/verification-policy';
import { failed, passed, type CheckResult } from './check-result';

export function isAllowedAlgorithm(alg: unknown, allowed: readonly AllowedAlgorithm[]): alg is AllowedAlgorithm {
  return (
    typeof alg === 'string' &&
    (ALLOWED_ALGORITHMS as readonly string[]).includes(alg) &&
    (allowed as readonly string[]).includes(alg)
  );
}

/** The JOSE `alg` must be one of the allowed asymmetric algorithms (case-sensitive, as RFC 7515 says). */
export function checkAlgorithm(header: Record<string, unknown>, allowed: readonly AllowedAlgorithm[]): CheckResult {
  const alg = header['alg'];
  if (isAllowedAlgorithm(alg, allowed)) return passed('algorithm', `signed with ${alg}`);
  if (typeof alg !== 'string') return failed('algorithm', 'ALG_NOT_ALLOWED', 'the JOSE header has no `alg`');
  if (alg.toLowerCase() === 'none')
    return failed('algorithm', 'ALG_NOT_ALLOWED', 'unsecured JWTs (`alg: none`) are refused');
  if (/^HS/i.test(alg)) {
    return failed('algorithm', 'ALG_NOT_ALLOWED', `${alg} is a shared-secret MAC, not a signature; it is refused`);
  }
  return failed('algorithm', 'ALG_NOT_ALLOWED', `${alg} is not one of ${allowed.join(', ')}`);
}

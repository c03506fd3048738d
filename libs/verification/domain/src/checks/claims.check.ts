import { checkCredentialJwtClaims } from '@credstream/open-badges';
import { failed, passed, type CheckResult } from './check-result';

/** iss, sub, nbf, jti and exp must say what the credential says (OB 3.0 §JWT proof format). */
export function checkClaims(
  claims: Partial<Record<string, unknown>>,
  credential: Record<string, unknown>,
): CheckResult {
  const problems = checkCredentialJwtClaims(claims, credential);
  if (problems.length === 0) return passed('claims');
  const listed = problems.map((problem) => `${problem.code}: ${problem.message}`).join('; ');
  return failed('claims', 'CLAIMS_INCONSISTENT', listed);
}

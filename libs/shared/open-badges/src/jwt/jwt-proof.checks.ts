import { toNumericDate } from '../credential/credential-dates';
import { issuerIdOf } from './jwt-proof.claims';
import type { JwtProblem } from './jwt-proof.types';

/**
 * OB 3.0 §Verify a Credential VC-JWT Signature: registered claims against the credential they carry.
 * Returns every problem found (empty when consistent); never throws. Time checks (not yet valid, expired)
 * need a clock and skew and stay with the verifier.
 */
export function checkCredentialJwtClaims(
  claims: Partial<Record<string, unknown>>,
  credential: Record<string, unknown>,
): JwtProblem[] {
  const problems: JwtProblem[] = [];
  const mismatch = (claim: string, message: string) => problems.push({ code: `${claim}_mismatch`, message });
  const missing = (claim: string, message: string) => problems.push({ code: `${claim}_missing`, message });

  const issuer = issuerIdOf(credential);
  if (typeof claims['iss'] !== 'string') missing('iss', 'the JWT has no `iss` claim');
  else if (claims['iss'] !== issuer) mismatch('iss', '`iss` differs from `issuer.id`');

  checkSubject(claims['sub'], credential['credentialSubject'], problems);

  const validFrom = credential['validFrom'] ?? credential['issuanceDate'];
  if (typeof claims['nbf'] !== 'number') missing('nbf', 'the JWT has no numeric `nbf` claim');
  else if (claims['nbf'] !== toNumericDate(validFrom)) mismatch('nbf', '`nbf` differs from `validFrom`');

  if (typeof claims['jti'] !== 'string') missing('jti', 'the JWT has no `jti` claim');
  else if (claims['jti'] !== credential['id']) mismatch('jti', '`jti` differs from the credential `id`');

  const validUntil = credential['validUntil'] ?? credential['expirationDate'];
  if (claims['exp'] !== undefined) {
    if (typeof claims['exp'] !== 'number') problems.push({ code: 'exp_invalid', message: '`exp` is not a number' });
    else if (validUntil !== undefined && claims['exp'] !== toNumericDate(validUntil)) {
      mismatch('exp', '`exp` differs from `validUntil`');
    }
  } else if (validUntil !== undefined) {
    missing('exp', 'the credential has `validUntil` but the JWT has no `exp` claim');
  }
  return problems;
}

/**
 * `sub` must equal `credentialSubject.id`. A subject identified only by IdentityObjects has no id: then `sub`
 * may be absent, or must equal one of their identityHash values (credstream's choice, see ADR 6).
 */
function checkSubject(sub: unknown, credentialSubject: unknown, problems: JwtProblem[]): void {
  const subject = (Array.isArray(credentialSubject) ? credentialSubject[0] : credentialSubject) as
    { id?: unknown; identifier?: unknown } | undefined;
  const subjectId = subject && typeof subject === 'object' ? subject.id : undefined;
  if (typeof subjectId === 'string') {
    if (typeof sub !== 'string') problems.push({ code: 'sub_missing', message: 'the JWT has no `sub` claim' });
    else if (sub !== subjectId)
      problems.push({ code: 'sub_mismatch', message: '`sub` differs from `credentialSubject.id`' });
    return;
  }
  if (sub === undefined) return;
  const identifiers: unknown[] = Array.isArray(subject?.identifier) ? subject.identifier : [subject?.identifier];
  const hashes = identifiers.map((i) =>
    i && typeof i === 'object' ? (i as { identityHash?: unknown }).identityHash : undefined,
  );
  if (!hashes.includes(sub)) {
    problems.push({
      code: 'sub_mismatch',
      message: '`sub` matches neither `credentialSubject.id` nor an identityHash',
    });
  }
}

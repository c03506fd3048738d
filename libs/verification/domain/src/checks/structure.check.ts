import type { CredentialInput } from '../input/credential-input';
import { normalizeCredentialInput } from '../input/normalize-credential-input';
import { parseCredentialJwt, type ParsedCredentialJwt } from '../jwt/parsed-credential-jwt';
import { failed, passed, type CheckResult } from './check-result';

/** Token structure: the input comes down to a compact JWS whose header and payload decode to a credential. */
export function checkStructure(input: CredentialInput): { check: CheckResult; jwt?: ParsedCredentialJwt } {
  const normalized = normalizeCredentialInput(input);
  if (!normalized.ok) return { check: failed('structure', normalized.failure.code, normalized.failure.message) };
  const parsed = parseCredentialJwt(normalized.token);
  if (!parsed.ok) return { check: failed('structure', parsed.failure.code, parsed.failure.message) };
  const model = parsed.jwt.dataModel === '1.1' ? 'VC Data Model 1.1 JWT (`vc` claim)' : 'VC-JWT';
  return { check: passed('structure', `a ${model}`), jwt: parsed.jwt };
}

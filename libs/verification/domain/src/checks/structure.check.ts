import type { CredentialInput } from '../input/credential-input';
import { normalizeCredentialInput } from '../input/normalize-credential-input';
import { parseCredentialJwt, type ParsedCredentialJwt } from '../jwt/parsed-credential-jwt';
import { failed, passed, type CheckResult } from './check-result';

/** Token structure: the input comes down to a compact JWS whose header and payload decode to a credential. */
export function checkStructure(input: CredentialInput): { check: CheckResult; jwt?: ParsedCredentialJwt } {
  const normalized = normalizeCredentialInput(input);
  if (!normalized.ok) return { check: failed('structure', normalized.failure.code, normalized.failure.message) };
  return checkTokenStructure(normalized.token);
}

/** Token structure of a compact JWS already extracted from its input (see {@link normalizeCredentialInput}). */
export function checkTokenStructure(token: string): { check: CheckResult; jwt?: ParsedCredentialJwt } {
  const parsed = parseCredentialJwt(token);
  if (!parsed.ok) return { check: failed('structure', parsed.failure.code, parsed.failure.message) };
  const model = parsed.jwt.dataModel === '1.1' ? 'VC Data Model 1.1 JWT (`vc` claim)' : 'VC-JWT';
  return { check: passed('structure', `a ${model}`), jwt: parsed.jwt };
}

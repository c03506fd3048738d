import { credentialFromJwtPayload, decodeCompactJws, issuerIdOf } from '@credstream/open-badges';
import type { Failure } from '../checks/check-result';
import { MAX_TOKEN_LENGTH } from '../input/normalize-credential-input';

/** A decoded, not yet verified, credential VC-JWT. */
export interface ParsedCredentialJwt {
  token: string;
  header: Record<string, unknown>;
  /** The first two segments as received: what the signature covers. */
  signingInput: string;
  signature: Uint8Array;
  /** The credential itself (from the payload, or its `vc` claim for VCDM 1.1). */
  credential: Record<string, unknown>;
  /** Registered claims iss, sub, aud, exp, nbf, iat, jti as found in the payload. */
  claims: Partial<Record<string, unknown>>;
  dataModel: '2.0' | '1.1';
  issuerId?: string;
  credentialId?: string;
}

export type ParseCredentialJwtResult = { ok: true; jwt: ParsedCredentialJwt } | { ok: false; failure: Failure };

/** Decodes a compact VC-JWT into header, claims and credential. Malformed input is a failure, never a throw. */
export function parseCredentialJwt(token: string): ParseCredentialJwtResult {
  if (token.length > MAX_TOKEN_LENGTH) {
    return { ok: false, failure: { code: 'TOKEN_TOO_LARGE', message: `the token exceeds ${MAX_TOKEN_LENGTH} bytes` } };
  }
  const decoded = decodeCompactJws(token);
  if (!decoded.ok) return malformed(decoded.problem.message);
  const { header, payload, signingInput, signature } = decoded.jws;
  // RFC 7515 §4.1.11: a verifier must reject critical extensions it does not understand; it understands none.
  if (header['crit'] !== undefined) return malformed('the JOSE header lists critical extensions (`crit`)');
  const read = credentialFromJwtPayload(payload);
  if (!read.ok) return malformed(read.problem.message);
  const { credential, claims, dataModel } = read;
  return {
    ok: true,
    jwt: {
      token,
      header,
      signingInput,
      signature,
      credential,
      claims,
      dataModel,
      issuerId: issuerIdOf(credential),
      credentialId: typeof credential['id'] === 'string' ? credential['id'] : undefined,
    },
  };
}

const malformed = (message: string): ParseCredentialJwtResult => ({
  ok: false,
  failure: { code: 'JWT_MALFORMED', message },
});

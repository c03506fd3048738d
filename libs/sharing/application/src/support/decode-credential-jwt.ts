import { decodeCompactJws } from '@credstream/open-badges';
import { credentialDisplayOf, notACredential, type CredentialDisplay } from '@credstream/sharing/domain';

const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'];

/** The credential inside a VC-JWT (its payload minus JWT claims) and what its page shows. Not a signature check. */
export function decodeCredentialJwt(jwt: string): { credential: Record<string, unknown>; display: CredentialDisplay } {
  const decoded = decodeCompactJws(jwt);
  if (!decoded.ok) throw notACredential(decoded.problem.message);
  const payload = decoded.jws.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw notACredential('the JWT payload is not an object');
  }
  const source = payload as Record<string, unknown>;
  // VC-JWT 1.1 style payloads carry the credential under `vc`.
  const body =
    typeof source['vc'] === 'object' && source['vc'] !== null ? (source['vc'] as Record<string, unknown>) : source;
  const credential = Object.fromEntries(Object.entries(body).filter(([key]) => !REGISTERED_CLAIMS.includes(key)));
  return { credential, display: credentialDisplayOf(credential) };
}

import { toNumericDate } from '../credential/credential-dates';
import { sharedJsonOf } from '../credential/shared-json';
import type { CredentialJwtClaims, JwtCredentialPayload, JwtProblem, JwtSignableCredential } from './jwt-proof.types';

/** Registered claim names: never credential properties, so they are stripped when reading a payload back. */
const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'] as const;

export function issuerIdOf(credential: { issuer?: unknown }): string | undefined {
  const { issuer } = credential;
  if (typeof issuer === 'string') return issuer;
  if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') {
    return (issuer as { id: string }).id;
  }
  return undefined;
}

/**
 * The subject claim: `credentialSubject.id` as the spec says. A recipient known only by an IdentityObject has
 * no id; credstream then uses the salted identityHash (`sha256$…`), which names the subject without leaking it.
 */
export function subjectClaimOf(credential: { credentialSubject?: unknown }): string | undefined {
  const subject = Array.isArray(credential.credentialSubject)
    ? credential.credentialSubject[0]
    : credential.credentialSubject;
  if (!subject || typeof subject !== 'object') return undefined;
  const { id, identifier } = subject as { id?: unknown; identifier?: unknown };
  if (typeof id === 'string') return id;
  const first: unknown = Array.isArray(identifier) ? identifier[0] : identifier;
  const hash = first && typeof first === 'object' ? (first as { identityHash?: unknown }).identityHash : undefined;
  return typeof hash === 'string' ? hash : undefined;
}

/** JWT payload per OB 3.0 §JSON Web Token Proof Format: the credential itself plus iss, sub, nbf, jti (and exp). */
export function credentialJwtClaims<C extends JwtSignableCredential>(credential: C): JwtCredentialPayload<C> {
  // Object.assign, not spread: some transpile targets turn spread into a per-key helper several times slower.
  return Object.assign({}, credential, registeredClaimsOf(credential));
}

/**
 * `JSON.stringify(credentialJwtClaims(credential))`, byte for byte. The signing hot path: a shared issuer
 * Profile and a shared `credentialSubject.achievement` (made by `shareProfile` / `shareAchievement`, deep-frozen
 * with their JSON cached) are not serialised again: they are stood in for by marker strings and their cached text
 * is spliced where the markers land (ADR 6).
 */
export function credentialJwtPayloadJson(credential: JwtSignableCredential): string {
  const payload: Record<string, unknown> = credentialJwtClaims(credential);
  const { issuer, credentialSubject: subject } = payload;
  const issuerJson = issuer !== null && typeof issuer === 'object' ? sharedJsonOf(issuer) : undefined;
  const achievement =
    subject !== null && typeof subject === 'object' && !Array.isArray(subject)
      ? (subject as { achievement?: unknown }).achievement
      : undefined;
  const achievementJson =
    achievement !== null && typeof achievement === 'object' ? sharedJsonOf(achievement) : undefined;
  if (typeof payload['toJSON'] === 'function' || (issuerJson === undefined && achievementJson === undefined)) {
    return JSON.stringify(payload);
  }
  // Reassigning keeps each key where it was, so the markers sit exactly where the parts would be serialised.
  if (issuerJson !== undefined) payload['issuer'] = ISSUER_MARKER;
  if (achievementJson !== undefined) {
    if (typeof (subject as { toJSON?: unknown }).toJSON === 'function')
      return JSON.stringify(credentialJwtClaims(credential));
    payload['credentialSubject'] = Object.assign({}, subject, { achievement: ACHIEVEMENT_MARKER });
  }
  const parts: Splice[] = [];
  if (issuerJson !== undefined) parts.push({ markerJson: ISSUER_MARKER_JSON, text: issuerJson });
  if (achievementJson !== undefined) parts.push({ markerJson: ACHIEVEMENT_MARKER_JSON, text: achievementJson });
  // A marker's text also occurs in the credential's own data (never by chance: see spliceMarkers): serialise plainly.
  return spliceMarkers(JSON.stringify(payload), parts) ?? JSON.stringify(credentialJwtClaims(credential));
}

/** Per-process random markers; a NUL keeps them out of ordinary text. */
const MARKER_NONCE = Math.random().toString(36).slice(2) + Date.now().toString(36);
const ISSUER_MARKER = `\u0000credstream-issuer-${MARKER_NONCE}`;
const ACHIEVEMENT_MARKER = `\u0000credstream-achievement-${MARKER_NONCE}`;
const ISSUER_MARKER_JSON = JSON.stringify(ISSUER_MARKER);
const ACHIEVEMENT_MARKER_JSON = JSON.stringify(ACHIEVEMENT_MARKER);
/** What every marker's JSON starts with: one scan for it finds them all. */
const MARKER_PREFIX_JSON = JSON.stringify('\u0000credstream-').slice(0, -1);

interface Splice {
  markerJson: string;
  text: string;
}

/**
 * Replaces each marker's JSON string with its text, in one scan of `json`; gives undefined unless every occurrence
 * of the markers' common prefix is one of the markers and each marker occurs exactly once. Those are ours: each was
 * emitted as a value, and occurrences cannot overlap (a marker's only quote characters are its delimiters, and in
 * JSON a closing quote is never followed by a backslash).
 */
function spliceMarkers(json: string, splices: readonly Splice[]): string | undefined {
  let result = '';
  let copied = 0;
  const used = new Set<Splice>();
  for (let at = json.indexOf(MARKER_PREFIX_JSON); at >= 0; at = json.indexOf(MARKER_PREFIX_JSON, copied)) {
    const splice = splices.find(({ markerJson }) => json.startsWith(markerJson, at));
    if (!splice || used.has(splice)) return undefined;
    used.add(splice);
    result += json.slice(copied, at) + splice.text;
    copied = at + splice.markerJson.length;
  }
  return used.size === splices.length ? result + json.slice(copied) : undefined;
}

function registeredClaimsOf(credential: JwtSignableCredential): CredentialJwtClaims {
  const iss = issuerIdOf(credential);
  const nbf = toNumericDate(credential.validFrom);
  if (iss === undefined) throw new TypeError('credential has no issuer id');
  if (nbf === undefined) throw new TypeError('credential has no valid validFrom');
  const claims: CredentialJwtClaims = { iss, nbf, jti: credential.id };
  const sub = subjectClaimOf(credential);
  if (sub !== undefined) claims.sub = sub;
  if (credential.validUntil !== undefined) {
    const exp = toNumericDate(credential.validUntil);
    if (exp === undefined) throw new TypeError('credential has an invalid validUntil');
    claims.exp = exp;
  }
  return claims;
}

export type CredentialFromJwtResult =
  | {
      ok: true;
      credential: Record<string, unknown>;
      claims: Partial<Record<(typeof REGISTERED_CLAIMS)[number], unknown>>;
      /** '1.1' when the credential came from a `vc` claim (VC Data Model 1.1 JWT). */
      dataModel: '2.0' | '1.1';
    }
  | { ok: false; problem: JwtProblem };

/**
 * Inverse of {@link credentialJwtClaims}, tolerant of foreign tokens: a VCDM 2.0 payload is the credential
 * with the registered claims removed; a VCDM 1.1 payload carries it in `vc`, and claims fill what it omits
 * (issuer, id, subject id, issuanceDate, expirationDate) as VC Data Model 1.1 §JWT decoding says.
 */
export function credentialFromJwtPayload(payload: unknown): CredentialFromJwtResult {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    return { ok: false, problem: { code: 'payload_not_object', message: 'the JWT payload is not a JSON object' } };
  }
  const source = payload as Record<string, unknown>;
  const claims: Partial<Record<(typeof REGISTERED_CLAIMS)[number], unknown>> = {};
  for (const name of REGISTERED_CLAIMS) if (name in source) claims[name] = source[name];

  const vc = source['vc'];
  if (vc !== undefined) {
    if (!vc || typeof vc !== 'object' || Array.isArray(vc)) {
      return { ok: false, problem: { code: 'vc_claim_not_object', message: 'the `vc` claim is not a JSON object' } };
    }
    return { ok: true, credential: fromVc11(vc as Record<string, unknown>, claims), claims, dataModel: '1.1' };
  }
  const credential: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (!(REGISTERED_CLAIMS as readonly string[]).includes(key)) credential[key] = value;
  }
  return { ok: true, credential, claims, dataModel: '2.0' };
}

function fromVc11(vc: Record<string, unknown>, claims: Partial<Record<string, unknown>>): Record<string, unknown> {
  const credential: Record<string, unknown> = { ...vc };
  const iso = (seconds: unknown) =>
    typeof seconds === 'number' && Number.isFinite(seconds)
      ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
      : undefined;
  if (credential['issuer'] === undefined && typeof claims['iss'] === 'string') credential['issuer'] = claims['iss'];
  if (credential['id'] === undefined && typeof claims['jti'] === 'string') credential['id'] = claims['jti'];
  if (credential['issuanceDate'] === undefined && iso(claims['nbf'])) credential['issuanceDate'] = iso(claims['nbf']);
  if (credential['expirationDate'] === undefined && iso(claims['exp']))
    credential['expirationDate'] = iso(claims['exp']);
  const subject = credential['credentialSubject'];
  if (typeof claims['sub'] === 'string' && subject && typeof subject === 'object' && !Array.isArray(subject)) {
    if ((subject as Record<string, unknown>)['id'] === undefined) {
      credential['credentialSubject'] = { ...(subject as Record<string, unknown>), id: claims['sub'] };
    }
  }
  return credential;
}

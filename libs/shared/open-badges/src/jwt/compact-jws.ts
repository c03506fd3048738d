import type { JwtProblem } from './jwt-proof.types';

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** `BASE64URL(UTF8(header)) || '.' || BASE64URL(UTF8(payload))`: the bytes a JWS signature covers. */
export function jwsSigningInput(header: object, payload: object): string {
  return `${encodeJson(header)}.${encodeJson(payload)}`;
}

/** Same as {@link jwsSigningInput} with an already-encoded header and already-serialised payload JSON. */
export function jwsSigningInputFromParts(encodedHeader: string, payloadJson: string): string {
  return `${encodedHeader}.${Buffer.from(payloadJson, 'utf8').toString('base64url')}`;
}

export function encodeJwsHeader(header: object): string {
  return encodeJson(header);
}

export interface DecodedCompactJws {
  header: Record<string, unknown>;
  payload: unknown;
  /** The first two segments as received: what the signature is verified over. */
  signingInput: string;
  signature: Buffer;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Splits and decodes a compact JWS without verifying it. Malformed input gives a named problem, never a throw. */
export function decodeCompactJws(
  token: string,
): { ok: true; jws: DecodedCompactJws } | { ok: false; problem: JwtProblem } {
  const fail = (code: string, message: string) => ({ ok: false as const, problem: { code, message } });
  if (typeof token !== 'string') return fail('token_not_string', 'the token is not a string');
  const parts = token.trim().split('.');
  if (parts.length !== 3) return fail('token_not_compact_jws', 'a compact JWS has exactly three dot-separated parts');
  if (!parts.every((part) => BASE64URL.test(part))) return fail('token_bad_base64url', 'a part is not base64url');
  const header = parseJson(parts[0]);
  if (!header || typeof header !== 'object' || Array.isArray(header)) {
    return fail('header_not_json_object', 'the JOSE header is not a JSON object');
  }
  const payload = parseJson(parts[1]);
  if (payload === undefined) return fail('payload_not_json', 'the payload is not JSON');
  return {
    ok: true,
    jws: {
      header: header as Record<string, unknown>,
      payload,
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2], 'base64url'),
    },
  };
}

function parseJson(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

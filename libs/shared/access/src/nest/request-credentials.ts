import type { Request } from 'express';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The credential a caller presents: `Authorization: Bearer <token>`, or `X-API-Key: <token>` for API keys. */
export function bearerToken(request: Request): string | undefined {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') return BEARER.exec(authorization)?.[1];
  return undefined;
}

export function presentedApiKey(request: Request): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header.trim();
  return bearerToken(request);
}

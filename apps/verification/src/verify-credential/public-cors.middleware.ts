import type { NextFunction, Request, Response } from 'express';

/** On every answer of the public endpoints, errors included. */
export const PUBLIC_CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After',
};

/**
 * The verification endpoints are public and take no cookies, so any origin may call them from a browser (the sharing
 * service's credential pages do); a preflight is answered here, before the routes.
 */
export function publicCorsMiddleware(request: Request, response: Response, next: NextFunction): void {
  for (const [name, value] of Object.entries(PUBLIC_CORS_HEADERS)) response.setHeader(name, value);
  if (request.method !== 'OPTIONS') return next();
  response.setHeader('Access-Control-Allow-Methods', 'POST');
  response.setHeader(
    'Access-Control-Allow-Headers',
    'content-type, x-verifier-organization, x-verifier-sector, x-verifier-country',
  );
  response.setHeader('Access-Control-Max-Age', '600');
  response.status(204).end();
}

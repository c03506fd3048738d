import type { NextFunction, Request, Response } from 'express';

/**
 * The verification endpoints are public and take no cookies, so any origin may call them from a browser (the sharing
 * service's credential pages do); a preflight is answered here, before the routes.
 */
export function publicCorsMiddleware(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  if (request.method !== 'OPTIONS') return next();
  response.setHeader('Access-Control-Allow-Methods', 'POST');
  response.setHeader(
    'Access-Control-Allow-Headers',
    'content-type, x-verifier-organization, x-verifier-sector, x-verifier-country',
  );
  response.setHeader('Access-Control-Max-Age', '600');
  response.status(204).end();
}

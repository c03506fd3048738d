import { HttpStatus } from '@nestjs/common';
import type { z } from 'zod';
import { ProblemException } from '@credstream/runtime';

/** The one code for a request body or parameter of the wrong shape; `errors` name every field at fault. */
export const REQUEST_INVALID = 'REQUEST_INVALID';

/** Parses a body (default), query, or a single parameter named by `what`; 400 REQUEST_INVALID otherwise. */
export function parseRequest<S extends z.ZodTypeAny>(schema: S, value: unknown, what = 'body'): z.output<S> {
  if (what === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw new ProblemException(
      HttpStatus.BAD_REQUEST,
      REQUEST_INVALID,
      'The request body must be a JSON object (Content-Type: application/json).',
      [{ field: '(body)', message: 'must be a JSON object' }],
    );
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.output<S>;
  const errors = parsed.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : what === 'body' ? '(body)' : what,
    message: issue.message,
  }));
  throw new ProblemException(
    HttpStatus.BAD_REQUEST,
    REQUEST_INVALID,
    `The request is invalid: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}.`,
    errors,
  );
}

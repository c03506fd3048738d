import { HttpStatus } from '@nestjs/common';
import type { z } from 'zod';
import { ProblemException } from '@credstream/runtime';

/** Parses a request part with a zod schema; a mismatch is a 400 naming every field at fault. */
export function parseRequest<T extends z.ZodTypeAny>(schema: T, value: unknown, code: string): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data as z.output<T>;
  throw new ProblemException(
    HttpStatus.BAD_REQUEST,
    code,
    'the request is not valid',
    result.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message })),
  );
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

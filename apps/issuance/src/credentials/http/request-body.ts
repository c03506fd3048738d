import type { z } from 'zod';
import { ProblemException } from '@credstream/runtime';

/** Parses a request part with a zod schema: 400 REQUEST_INVALID naming every field at fault. */
export function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data as z.output<T>;
  throw new ProblemException(
    400,
    'REQUEST_INVALID',
    'the request is not valid',
    result.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message })),
  );
}

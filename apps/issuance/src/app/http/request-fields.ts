import { z } from 'zod';

/** Request field validators shared by the issuance endpoints (messages name what is wrong, not zod's jargon). */

export const text = (max: number) =>
  z
    .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const httpUrl = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
  .trim()
  .max(2_000, 'must be at most 2000 characters')
  .refine(isHttpUrl, 'must be an absolute http(s) URL');

import type { JsonSchema } from './event-contract';

/** Small builders so the contracts read like the documents they produce. Unknown properties are allowed: additive changes stay compatible. */

export const text = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  minLength: 1,
  description,
  ...extra,
});
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
export const uuid = (description: string): JsonSchema => text(description, { format: 'uuid' });
export const timestamp = (description: string): JsonSchema => text(description, { format: 'date-time' });
export const url = (description: string): JsonSchema => text(description, { format: 'uri' });
export const email = (description: string): JsonSchema => text(description, { format: 'email' });
export const sha256Hex = (description: string): JsonSchema => text(description, { pattern: '^[0-9a-f]{64}$' });
export const countryCode = (description: string): JsonSchema =>
  text(`${description} (ISO 3166-1 alpha-2)`, { pattern: '^[A-Z]{2}$' });
export const oneOf = (description: string, values: readonly string[]): JsonSchema => ({
  type: 'string',
  enum: [...values],
  description,
});
export const integer = (description: string, minimum = 0): JsonSchema => ({ type: 'integer', minimum, description });
export const list = (items: JsonSchema, description: string): JsonSchema => ({ type: 'array', items, description });

export function object(
  description: string,
  required: Record<string, JsonSchema>,
  optional: Record<string, JsonSchema> = {},
): JsonSchema {
  return {
    type: 'object',
    description,
    required: Object.keys(required),
    properties: { ...required, ...optional },
  };
}

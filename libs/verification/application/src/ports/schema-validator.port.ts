import type { SchemaProblem } from '@credstream/verification/domain';

export type SchemaValidation = { known: false } | { known: true; problems: SchemaProblem[] };

/** Validates a credential against a JSON Schema named by its published URL or `$id` (the official OB 3.0 ones). */
export interface SchemaValidator {
  validate(credential: Record<string, unknown>, schemaId: string): Promise<SchemaValidation>;
}

export const SCHEMA_VALIDATOR = Symbol('SCHEMA_VALIDATOR');

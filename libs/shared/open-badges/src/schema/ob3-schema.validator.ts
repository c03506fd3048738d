import Ajv2019 from 'ajv/dist/2019';
import type { ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { ACHIEVEMENT_CREDENTIAL_SCHEMA_URL } from '../credential/ob3.constants';

export interface SchemaValidationError {
  /** JSON Pointer of the offending value, `''` for the root. */
  path: string;
  message: string;
}

export interface SchemaValidationResult {
  valid: boolean;
  errors: SchemaValidationError[];
}

export class UnknownSchemaError extends Error {
  override readonly name = 'UnknownSchemaError';
}

export interface Ob3SchemaValidator {
  /** Validates against a schema named by published (purl) URL, `$id` or file name; defaults to AchievementCredential. */
  validate(data: unknown, schema?: string): SchemaValidationResult;
  /** Whether a schema is known under that name. */
  has(schema: string): boolean;
}

/**
 * The official schemas publish `$id`s ending `-jsonschema1.json`, while credentials name them by their purl URL
 * (`ob_v3p0_<name>_schema.json`); both resolve to the same compiled validator.
 */
function publishedUrlOf(id: string): string | undefined {
  const match =
    /^(https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/schema\/json\/ob_v3p0_[a-z_]+)-jsonschema1\.json$/.exec(id);
  return match ? `${match[1]}_schema.json` : undefined;
}

/**
 * Compiles the official OB 3.0 JSON Schemas (draft 2019-09, formats on) given as parsed objects keyed by file
 * name; reading them from disk or a cache is the caller's job. Validators compile lazily and are reused.
 */
export function createOb3SchemaValidator(schemas: Record<string, object>): Ob3SchemaValidator {
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const names = new Map<string, string>();
  for (const [file, schema] of Object.entries(schemas)) {
    const id = (schema as { $id?: unknown }).$id;
    if (typeof id !== 'string') throw new UnknownSchemaError(`schema ${file} has no $id`);
    ajv.addSchema(schema);
    names.set(id, id).set(file, id);
    const published = publishedUrlOf(id);
    if (published) names.set(published, id);
  }
  const compiled = new Map<string, ValidateFunction>();

  const validatorFor = (schema: string): ValidateFunction => {
    const id = names.get(schema);
    if (id === undefined) throw new UnknownSchemaError(`unknown schema: ${schema}`);
    let validate = compiled.get(id);
    if (!validate) {
      validate = ajv.getSchema(id);
      if (!validate) throw new UnknownSchemaError(`schema did not compile: ${schema}`);
      compiled.set(id, validate);
    }
    return validate;
  };

  return {
    has: (schema) => names.has(schema),
    validate(data, schema = ACHIEVEMENT_CREDENTIAL_SCHEMA_URL) {
      const validate = validatorFor(schema);
      if (validate(data)) return { valid: true, errors: [] };
      return {
        valid: false,
        errors: (validate.errors ?? []).map((error) => ({
          path: error.instancePath,
          message: `${error.message ?? 'is invalid'}${error.params && 'allowedValues' in error.params ? ` (${String(error.params['allowedValues'])})` : ''}`,
        })),
      };
    },
  };
}

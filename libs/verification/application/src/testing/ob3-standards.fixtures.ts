import { createOb3SchemaValidator } from '@credstream/open-badges';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SchemaValidator } from '../ports/schema-validator.port';

/** Test support only (reads files and env): the official OB 3.0 schemas and examples, read in place. */
const REPO_ROOT = resolve(__dirname, '../../../../..');
const OB3_SCHEMA_DIR = process.env['OB3_SCHEMA_DIR'] ?? join(REPO_ROOT, '..', 'shared', 'standards', 'ob3', 'schemas');
const OB3_EXAMPLES_DIR = join(OB3_SCHEMA_DIR, '..', 'examples');

export function readOb3Example(relativePath: string): string {
  return readFileSync(join(OB3_EXAMPLES_DIR, relativePath), 'utf8');
}

function loadOb3Schemas(): Record<string, object> {
  return Object.fromEntries(
    readdirSync(OB3_SCHEMA_DIR)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file, JSON.parse(readFileSync(join(OB3_SCHEMA_DIR, file), 'utf8')) as object]),
  );
}

let shared: ReturnType<typeof createOb3SchemaValidator> | undefined;

/** The SchemaValidator port over the real official schemas (compiled once per test file). */
export function ob3SchemaValidator(): SchemaValidator {
  shared ??= createOb3SchemaValidator(loadOb3Schemas());
  const validator = shared;
  return {
    validate: async (credential, schemaId) =>
      validator.has(schemaId)
        ? { known: true, problems: validator.validate(credential, schemaId).errors }
        : { known: false },
  };
}

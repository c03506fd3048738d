import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Test support only (reads files): the official OB 3.0 schemas and examples, read in place. */
const REPO_ROOT = resolve(__dirname, '../../../../..');

export const OB3_SCHEMA_DIR =
  process.env['OB3_SCHEMA_DIR'] ?? join(REPO_ROOT, '..', 'shared', 'standards', 'ob3', 'schemas');
export const OB3_EXAMPLES_DIR = join(OB3_SCHEMA_DIR, '..', 'examples');

export function loadOb3Schemas(): Record<string, object> {
  return Object.fromEntries(
    readdirSync(OB3_SCHEMA_DIR)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file, JSON.parse(readFileSync(join(OB3_SCHEMA_DIR, file), 'utf8')) as object]),
  );
}

export function readOb3Example(relativePath: string): string {
  return readFileSync(join(OB3_EXAMPLES_DIR, relativePath), 'utf8');
}

export function readOb3ExampleJson<T = Record<string, unknown>>(relativePath: string): T {
  return JSON.parse(readOb3Example(relativePath)) as T;
}

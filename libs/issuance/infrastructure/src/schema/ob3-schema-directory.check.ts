import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CredentialSchemaCheck } from '@credstream/issuance/application';
import { createOb3SchemaValidator, type Ob3SchemaValidator } from '@credstream/open-badges';

/**
 * The official OB 3.0 JSON Schemas read from a directory (`OB3_SCHEMA_DIR`: the standards folder here, a cache
 * filled from the purl URLs elsewhere), compiled once; every issued credential is checked against
 * AchievementCredential.
 */
export class Ob3SchemaDirectoryCheck implements CredentialSchemaCheck {
  private readonly validator: Ob3SchemaValidator;

  constructor(directory: string) {
    const schemas: Record<string, object> = {};
    for (const file of readdirSync(directory)) {
      if (file.endsWith('.json')) schemas[file] = JSON.parse(readFileSync(join(directory, file), 'utf8')) as object;
    }
    this.validator = createOb3SchemaValidator(schemas);
  }

  problems(credential: unknown): string[] {
    const result = this.validator.validate(credential);
    return result.valid ? [] : result.errors.map((error) => `${error.path || '/'}: ${error.message}`);
  }
}

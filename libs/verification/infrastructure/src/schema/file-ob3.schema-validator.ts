import { createOb3SchemaValidator, type Ob3SchemaValidator } from '@credstream/open-badges';
import type { SchemaValidation, SchemaValidator } from '@credstream/verification/application';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * {@link SchemaValidator} over the official OB 3.0 JSON Schemas read from a directory (config `OB3_SCHEMA_DIR`),
 * loaded and compiled once on first use; a failed load is retried on the next call.
 */
export class FileOb3SchemaValidator implements SchemaValidator {
  private loading: Promise<Ob3SchemaValidator> | undefined;

  constructor(private readonly schemaDir: string) {}

  async validate(credential: Record<string, unknown>, schemaId: string): Promise<SchemaValidation> {
    const validator = await this.validator();
    if (!validator.has(schemaId)) return { known: false };
    return { known: true, problems: validator.validate(credential, schemaId).errors };
  }

  private validator(): Promise<Ob3SchemaValidator> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<Ob3SchemaValidator> {
    const files = (await readdir(this.schemaDir)).filter((file) => file.endsWith('.json')).sort();
    const schemas: Record<string, object> = {};
    for (const file of files) {
      schemas[file] = JSON.parse(await readFile(join(this.schemaDir, file), 'utf8')) as object;
    }
    return createOb3SchemaValidator(schemas);
  }
}

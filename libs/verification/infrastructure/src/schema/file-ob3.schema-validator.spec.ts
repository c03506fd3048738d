import { ACHIEVEMENT_CREDENTIAL_SCHEMA_URL } from '@credstream/open-badges';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FileOb3SchemaValidator } from './file-ob3.schema-validator';

const REPO_ROOT = resolve(__dirname, '../../../../..');
const SCHEMA_DIR = process.env['OB3_SCHEMA_DIR'] ?? join(REPO_ROOT, '..', 'shared', 'standards', 'ob3', 'schemas');
const simple = JSON.parse(readFileSync(join(SCHEMA_DIR, '..', 'examples', 'simple.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe('FileOb3SchemaValidator', () => {
  const validator = new FileOb3SchemaValidator(SCHEMA_DIR);

  it('finds the official example valid against the AchievementCredential schema', async () => {
    await expect(validator.validate(simple, ACHIEVEMENT_CREDENTIAL_SCHEMA_URL)).resolves.toEqual({
      known: true,
      problems: [],
    });
  });

  it('reports the problems of an invalid credential', async () => {
    const { credentialSubject: _dropped, ...invalid } = simple;
    const outcome = await validator.validate(invalid, ACHIEVEMENT_CREDENTIAL_SCHEMA_URL);
    expect(outcome.known && outcome.problems.length).toBeGreaterThan(0);
  });

  it('says when a schema is unknown', async () => {
    await expect(validator.validate(simple, 'https://example.com/other-schema.json')).resolves.toEqual({
      known: false,
    });
  });

  it('fails, and retries later, when the directory cannot be read', async () => {
    const missing = new FileOb3SchemaValidator(join(SCHEMA_DIR, 'missing'));
    await expect(missing.validate(simple, ACHIEVEMENT_CREDENTIAL_SCHEMA_URL)).rejects.toThrow();
    await expect(missing.validate(simple, ACHIEVEMENT_CREDENTIAL_SCHEMA_URL)).rejects.toThrow();
  });
});

import { ACHIEVEMENT_CREDENTIAL_SCHEMA_URL } from '@credstream/open-badges';
import { checkSchema, ENDORSEMENT_CREDENTIAL_SCHEMA_URL, schemaIdsFor } from './schema.check';

describe('schema check', () => {
  it('validates against the declared schemas, else the official one for the type (VCDM 2.0 only)', () => {
    expect(schemaIdsFor({ credentialSchema: [{ id: 'https://s.example/a', type: 'x' }] }, '2.0')).toEqual([
      'https://s.example/a',
    ]);
    expect(schemaIdsFor({ credentialSchema: { id: 'https://s.example/b' } }, '1.1')).toEqual(['https://s.example/b']);
    expect(schemaIdsFor({ type: ['VerifiableCredential', 'OpenBadgeCredential'] }, '2.0')).toEqual([
      ACHIEVEMENT_CREDENTIAL_SCHEMA_URL,
    ]);
    expect(schemaIdsFor({ type: ['VerifiableCredential', 'EndorsementCredential'] }, '2.0')).toEqual([
      ENDORSEMENT_CREDENTIAL_SCHEMA_URL,
    ]);
    expect(schemaIdsFor({ type: ['VerifiableCredential', 'OpenBadgeCredential'] }, '1.1')).toEqual([]);
  });

  it('fails on problems, skips what it does not know', () => {
    expect(checkSchema([])).toMatchObject({ status: 'skipped', code: 'NOT_APPLICABLE' });
    expect(checkSchema([{ schemaId: 'a', known: false }])).toMatchObject({ status: 'skipped', code: 'SCHEMA_UNKNOWN' });
    const problems = Array.from({ length: 7 }, (_, i) => ({ path: `/p${i}`, message: 'is wrong' }));
    const result = checkSchema([{ schemaId: 'a', known: true, problems }]);
    expect(result).toMatchObject({ status: 'failed', code: 'SCHEMA_INVALID' });
    expect(result.message).toContain('and 2 more');
    expect(
      checkSchema([
        { schemaId: 'a', known: true, problems: [] },
        { schemaId: 'b', known: false },
      ]).status,
    ).toBe('passed');
  });
});

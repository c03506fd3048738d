import { createHash } from 'node:crypto';
import { createOb3SchemaValidator } from '../schema/ob3-schema.validator';
import { loadOb3Schemas } from '../testing/ob3-standards.fixtures';
import { SAMPLE_ISSUER_DID, sampleCredential } from '../testing/sample-credentials';
import { ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, OB3_CONTEXT, VC_V2_CONTEXT } from './ob3.constants';

describe('buildOpenBadgeCredential', () => {
  const validator = createOb3SchemaValidator(loadOb3Schemas());

  it('builds an OpenBadgeCredential on VCDM 2.0 that the official AchievementCredential schema accepts', () => {
    const credential = sampleCredential();
    expect(validator.validate(credential)).toEqual({ valid: true, errors: [] });
    expect(credential['@context']).toEqual([VC_V2_CONTEXT, OB3_CONTEXT]);
    expect(credential.id).toBe('urn:uuid:9b3a4c2e-1f0d-4e8b-a7c6-5d4e3f2a1b0c');
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer).toMatchObject({ id: SAMPLE_ISSUER_DID, type: ['Profile'], name: 'Universidade Exemplo' });
    expect(credential.validFrom).toBe('2026-06-30T09:15:00Z');
    expect(credential.validUntil).toBe('2029-06-30T09:15:00Z');
    expect(credential.name).toBe('Data Engineering Fundamentals');
    expect(credential.credentialSchema).toEqual([
      { id: ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' },
    ]);
    expect(credential.evidence?.[0]).toMatchObject({ type: ['Evidence'], name: 'Final project' });
    expect(credential.credentialStatus).toEqual({
      id: 'https://credstream.example/status/5d1c1f0e/revocation/1#94567',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: 'https://credstream.example/status/5d1c1f0e/revocation/1',
    });
  });

  it('identifies an email recipient by a salted IdentityObject and never carries the address', () => {
    const credential = sampleCredential();
    const expectedHash = createHash('sha256').update('ana.silva@example.orgq8R2xVb1').digest('hex');
    expect(credential.credentialSubject).toMatchObject({
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'emailAddress',
          hashed: true,
          identityHash: `sha256$${expectedHash}`,
          salt: 'q8R2xVb1',
        },
      ],
    });
    expect(credential.credentialSubject.id).toBeUndefined();
    expect(JSON.stringify(credential).toLowerCase()).not.toContain('ana.silva');
  });

  it('identifies a DID recipient by credentialSubject.id and stays schema-valid without optional parts', () => {
    const credential = sampleCredential({
      recipient: { did: 'did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169' },
      validUntil: undefined,
      evidence: undefined,
      credentialStatus: undefined,
    });
    expect(credential.credentialSubject.id).toBe('did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169');
    expect(credential.credentialSubject.identifier).toBeUndefined();
    expect(credential).not.toHaveProperty('validUntil');
    expect(credential).not.toHaveProperty('credentialStatus');
    expect(validator.validate(credential).valid).toBe(true);
  });
});

import { createHash } from 'node:crypto';
import { emailIdentityObject, identityHash, identityMatches, recipientKey } from './identity-hash';

describe('identity hash', () => {
  it('matches the OB 3.0 schema example: sha256 of "a@example.com" salted with "Kosher"', () => {
    expect(identityHash('a@example.com', 'Kosher')).toBe(
      'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
    );
  });

  it('hashes the trimmed, lower-cased email followed by the salt', () => {
    const byHand = createHash('sha256')
      .update(Buffer.from('ana@example.org' + 's4lt', 'utf8'))
      .digest('hex');
    expect(emailIdentityObject('  Ana@Example.ORG ', 's4lt')).toEqual({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      identityHash: `sha256$${byHand}`,
      salt: 's4lt',
    });
  });

  it('refuses an empty salt', () => {
    expect(() => emailIdentityObject('a@example.com', '')).toThrow(RangeError);
  });

  it('matches a claimed email against an IdentityObject, normalised or as given', () => {
    const identity = emailIdentityObject('ana@example.org', 'xyz');
    expect(identityMatches(identity, 'ANA@example.org')).toBe(true);
    expect(identityMatches(identity, 'bob@example.org')).toBe(false);
    const foreign = {
      type: 'IdentityObject' as const,
      identityType: 'emailAddress',
      hashed: true,
      identityHash: identityHash('Mixed@Case.org', 's'),
      salt: 's',
    };
    expect(identityMatches(foreign, 'Mixed@Case.org')).toBe(true);
    expect(identityMatches({ ...foreign, identityHash: 'md5$abc' }, 'Mixed@Case.org')).toBe(false);
    expect(identityMatches({ ...foreign, hashed: false, identityHash: 'Mixed@Case.org' }, 'mixed@case.org')).toBe(true);
  });

  it('derives the analytics recipientKey as unsalted sha256 hex of the normalised email or DID', () => {
    expect(recipientKey(' Ana@Example.org')).toBe(createHash('sha256').update('ana@example.org').digest('hex'));
    expect(recipientKey('did:web:example.com')).toMatch(/^[0-9a-f]{64}$/);
  });
});

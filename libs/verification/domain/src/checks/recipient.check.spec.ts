import { emailIdentityObject } from '@credstream/open-badges';
import { checkRecipient } from './recipient.check';

describe('checkRecipient', () => {
  const subject = { type: ['AchievementSubject'], identifier: [emailIdentityObject('Ana@Example.org', 'salt1')] };

  it('compares the salted hash, and refuses identity types that do not fit', () => {
    expect(checkRecipient({ credentialSubject: subject }, { email: 'ana@example.org' }).status).toBe('passed');
    expect(checkRecipient({ credentialSubject: subject }, { email: 'bob@example.org' }).code).toBe(
      'RECIPIENT_MISMATCH',
    );
    expect(checkRecipient({ credentialSubject: subject }, { did: 'ana@example.org' }).code).toBe('RECIPIENT_MISMATCH');
    expect(checkRecipient({ credentialSubject: subject }, undefined).code).toBe('NOT_APPLICABLE');
    expect(checkRecipient({}, { email: 'ana@example.org' }).code).toBe('RECIPIENT_MISMATCH');
  });

  it('matches a DID exactly', () => {
    const credential = { credentialSubject: [{ id: 'did:example:Ana' }] };
    expect(checkRecipient(credential, { did: 'did:example:Ana' }).status).toBe('passed');
    expect(checkRecipient(credential, { did: 'did:example:ana' }).status).toBe('failed');
  });
});

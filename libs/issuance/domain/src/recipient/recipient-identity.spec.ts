import { emailIdentityObject, recipientKey } from '@credstream/open-badges';
import { normalizeRecipientDid } from './recipient-did';
import { isValidRecipientEmail, normalizeRecipientEmail } from './recipient-email';
import { resolveRecipient } from './recipient-identity';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('recipient email', () => {
  it('normalises to trimmed lower case', () => {
    expect(normalizeRecipientEmail('  Ana.Silva+badges@Example.ORG ')).toBe('ana.silva+badges@example.org');
  });

  it.each([
    '',
    'ana',
    'ana@',
    '@example.org',
    'ana@localhost',
    'ana silva@example.org',
    'ana@@example.org',
    'ana@-x.org',
    `${'a'.repeat(65)}@example.org`,
  ])('refuses %p with RECIPIENT_EMAIL_INVALID', (email) => {
    expect(isValidRecipientEmail(email)).toBe(false);
    expect(code(() => normalizeRecipientEmail(email))).toBe('RECIPIENT_EMAIL_INVALID');
  });

  it('keeps the address out of the error', () => {
    try {
      normalizeRecipientEmail('secret-person@');
    } catch (error) {
      expect(JSON.stringify({ message: (error as Error).message, ...(error as object) })).not.toContain(
        'secret-person',
      );
    }
  });
});

describe('recipient DID', () => {
  it('accepts bare DIDs and keeps their case', () => {
    expect(normalizeRecipientDid(' did:web:example.org:users:Ana ')).toBe('did:web:example.org:users:Ana');
    expect(normalizeRecipientDid('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')).toMatch(/^did:key:/);
  });

  it.each(['ana', 'did:', 'did:web:', 'did:Web:example.org', 'did:web:example.org#key-1', 'did:web:example.org/path'])(
    'refuses %p with RECIPIENT_DID_INVALID',
    (did) => {
      expect(code(() => normalizeRecipientDid(did))).toBe('RECIPIENT_DID_INVALID');
    },
  );
});

describe('resolveRecipient', () => {
  it('derives the same identityHash as the OB 3.0 IdentityObject in the credential', () => {
    const { identity, email } = resolveRecipient({ kind: 'email', email: ' Ana@Example.org', salt: 'q8R2x' });
    expect(identity.identityHash).toBe(emailIdentityObject('ana@example.org', 'q8R2x').identityHash);
    expect(identity).toMatchObject({
      identityType: 'emailAddress',
      salt: 'q8R2x',
      recipientKey: recipientKey('ana@example.org'),
    });
    expect(email).toBe('ana@example.org');
  });

  it('names a DID recipient by its DID, with no email', () => {
    expect(resolveRecipient({ kind: 'did', did: 'did:web:example.org' })).toEqual({
      identity: {
        identityType: 'did',
        identityHash: 'did:web:example.org',
        recipientKey: recipientKey('did:web:example.org'),
        did: 'did:web:example.org',
      },
    });
  });

  it('refuses an email recipient without a salt', () => {
    expect(code(() => resolveRecipient({ kind: 'email', email: 'ana@example.org', salt: '' }))).toBe(
      'RECIPIENT_SALT_REQUIRED',
    );
  });
});

import type { VerifyCredentialResult } from '@credstream/verification/application';
import { verificationResultOf, failed, passed } from '@credstream/verification/domain';
import { renderVerifyForm, renderVerifyResult } from './verify-page.view';

const outcome = (credential: Record<string, unknown>, verified = true): VerifyCredentialResult => {
  const result = verificationResultOf(
    verified
      ? ['structure', 'algorithm', 'key', 'signature'].map((name) => passed(name as 'structure'))
      : [
          passed('structure'),
          passed('algorithm'),
          passed('key'),
          failed('signature', 'SIGNATURE_INVALID', 'bad <sig>'),
        ],
  );
  return { result, event: {} as VerifyCredentialResult['event'], credential };
};

describe('verification page views', () => {
  it('escapes everything the credential says: a credential can carry markup', () => {
    const html = renderVerifyResult(
      outcome({
        issuer: { id: 'did:web:x', name: '<script>alert(1)</script>' },
        credentialSubject: {
          achievement: { name: '"><img src=x onerror=alert(1)>', tag: ['<b>skill</b>'] },
        },
      }),
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>skill');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says what failed in plain words and warns not to rely on the details', () => {
    const html = renderVerifyResult(outcome({ credentialSubject: { achievement: { name: 'Data' } } }, false));
    expect(html).toContain('data-verified="false"');
    expect(html).toContain('<strong>Not verified</strong>');
    expect(html).toContain('bad &lt;sig&gt;');
    expect(html).toContain('do not rely on them');
  });

  it('shows an error on the form as an alert tied to the field', () => {
    const html = renderVerifyForm('Paste a credential token or choose a badge image.');
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-describedby="form-error"');
  });
});

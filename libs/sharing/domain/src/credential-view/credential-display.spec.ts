import { credentialDisplayOf } from './credential-display';
import { linkedInAddToProfileUrl, channelShareUrl } from '../share-link/share-urls';

export const sampleCredential = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:01932C8E-0000-7000-8000-000000000003',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:web:uni.example', type: ['Profile'], name: 'University of Lisbon', url: 'https://uni.example' },
  validFrom: '2026-06-30T00:00:00Z',
  validUntil: '2027-06-30T00:00:00Z',
  name: 'Data Analysis with Python',
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: {
      id: 'urn:uuid:01932c8e-0000-7000-8000-000000000002',
      type: ['Achievement'],
      name: 'Data Analysis with Python',
      description: 'Cleans and analyses data.',
      criteria: { narrative: 'Passed the final project.' },
      alignment: [
        {
          type: ['Alignment'],
          targetName: 'data analytics',
          targetUrl: 'http://esco.example/1',
          targetFramework: 'ESCO',
        },
      ],
      tag: ['python'],
    },
  },
  evidence: [{ type: ['Evidence'], id: 'https://uni.example/projects/1', name: 'Final project' }],
};

describe('credential display', () => {
  it('reads what the page shows from an OB 3.0 credential', () => {
    const display = credentialDisplayOf(sampleCredential);
    expect(display).toMatchObject({
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      issuer: { name: 'University of Lisbon', url: 'https://uni.example' },
      achievement: { criteria: 'Passed the final project.', tags: ['python'] },
      evidence: [{ name: 'Final project', url: 'https://uni.example/projects/1' }],
      validUntil: '2027-06-30T00:00:00Z',
    });
    expect(display.achievement.alignments).toEqual([
      { targetName: 'data analytics', targetUrl: 'http://esco.example/1', targetFramework: 'ESCO', targetCode: null },
    ]);
  });

  it.each([
    ['a string', 'hello'],
    ['another VC type', { ...sampleCredential, type: ['VerifiableCredential'] }],
    ['a non-uuid id', { ...sampleCredential, id: 'https://x.example/1' }],
    ['no achievement', { ...sampleCredential, credentialSubject: {} }],
  ])('rejects %s as NOT_A_CREDENTIAL', (_name, input) => {
    expect(() => credentialDisplayOf(input)).toThrow(expect.objectContaining({ code: 'NOT_A_CREDENTIAL' }));
  });

  it('builds a LinkedIn Add-to-Profile URL with name, organisation, issue date, URL and id', () => {
    const url = new URL(linkedInAddToProfileUrl(credentialDisplayOf(sampleCredential), 'https://s.example/s/abc'));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Data Analysis with Python',
      organizationName: 'University of Lisbon',
      issueYear: '2026',
      issueMonth: '6',
      certUrl: 'https://s.example/s/abc',
      certId: '01932c8e-0000-7000-8000-000000000003',
      expirationYear: '2027',
      expirationMonth: '6',
    });
    expect(channelShareUrl('linkedin', 'https://s.example/s/abc', credentialDisplayOf(sampleCredential))).toBe(
      'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fs.example%2Fs%2Fabc',
    );
  });
});

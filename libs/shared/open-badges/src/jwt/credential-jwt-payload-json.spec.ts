import { shareAchievement, shareProfile } from '../credential/open-badge-credential.builder';
import { sampleCredential, sampleCredentialInput } from '../testing/sample-credentials';
import { credentialJwtClaims, credentialJwtPayloadJson } from './jwt-proof.claims';

describe('credentialJwtPayloadJson with shared issuer and achievement', () => {
  const input = sampleCredentialInput();
  const odd = 'é ü "quoted" \\ back\nline\t\u0000 \u2028 😀 \ud800 </script>';
  const issuer = shareProfile({ ...input.issuer, name: odd, otherIdentifier: [] } as never);
  const achievement = shareAchievement({
    ...input.achievement,
    description: odd,
    tag: ['a', ['nested', [1, 2.5, null, true]], { deep: { deeper: [odd] } }],
    __proto__x: 1,
  } as never);

  const credentials = [
    sampleCredential({ issuer, achievement }),
    sampleCredential({ issuer, achievement, recipient: { did: 'did:example:ü' }, validUntil: undefined }),
    sampleCredential({ issuer, achievement: input.achievement }),
    sampleCredential({ issuer: input.issuer, achievement }),
    sampleCredential({ issuer, achievement, name: odd, description: '"\u0000credstream-issuer-x"' }),
    { ...sampleCredential({ issuer, achievement }), iss: 'stale', exp: 1 },
  ];

  it.each(credentials.map((c, i) => [i, c] as const))('credential %i: same bytes as JSON.stringify', (_, c) => {
    expect(credentialJwtPayloadJson(c)).toBe(JSON.stringify(credentialJwtClaims(c)));
  });

  it('shares the frozen parts across credentials and leaves the caller input unfrozen', () => {
    const [a, b] = credentials;
    expect(a.issuer).toBe(issuer);
    expect(a.credentialSubject.achievement).toBe(b.credentialSubject.achievement);
    expect(Object.isFrozen(issuer) && Object.isFrozen((achievement as { tag: unknown[] }).tag)).toBe(true);
    expect(Object.isFrozen(input.issuer)).toBe(false);
  });

  it('is right when credential data carries the marker text itself (falls back to plain serialisation)', () => {
    const c = sampleCredential({ issuer, achievement });
    const hostile = { ...c, evidence: [{ id: 'x', name: JSON.parse(JSON.stringify(c)) as unknown }] };
    expect(credentialJwtPayloadJson(hostile)).toBe(JSON.stringify(credentialJwtClaims(hostile)));
  });

  it('refuses to share what JSON cannot cache', () => {
    expect(() => shareProfile({ id: 'did:web:x', when: new Date() } as never)).toThrow(TypeError);
  });
});

import { normalizeCredentialInput } from './normalize-credential-input';

const token = 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln';
const code = (result: ReturnType<typeof normalizeCredentialInput>) => (result.ok ? result.token : result.failure.code);

describe('normalizeCredentialInput', () => {
  it('takes a compact JWT as text, trimmed', () => {
    expect(code(normalizeCredentialInput({ kind: 'text', text: ` ${token}\n` }))).toBe(token);
  });

  it.each([
    ['application/vc+jwt', token],
    ['application/vc-ld+jwt', token],
    ['application/ld+json', 'FORMAT_UNSUPPORTED'],
    ['application/vc+jwt;base64', 'JWT_MALFORMED'],
  ])('unwraps an EnvelopedVerifiableCredential of %s', (mediaType, expected) => {
    const document = { type: 'EnvelopedVerifiableCredential', id: `data:${mediaType},${token}` };
    expect(code(normalizeCredentialInput({ kind: 'json', document }))).toBe(expected);
  });

  it('names what it cannot take', () => {
    expect(
      code(normalizeCredentialInput({ kind: 'json', document: { type: ['VerifiableCredential'], proof: {} } })),
    ).toBe('FORMAT_UNSUPPORTED');
    expect(code(normalizeCredentialInput({ kind: 'json', document: { type: ['VerifiableCredential'] } }))).toBe(
      'FORMAT_UNSUPPORTED',
    );
    expect(code(normalizeCredentialInput({ kind: 'json', document: [] }))).toBe('JWT_MALFORMED');
    expect(code(normalizeCredentialInput({ kind: 'text', text: '{broken' }))).toBe('JWT_MALFORMED');
    expect(code(normalizeCredentialInput({ kind: 'text', text: 'x'.repeat(300_000) }))).toBe('TOKEN_TOO_LARGE');
    const image = { kind: 'baked-image', mediaType: 'image/svg+xml', bytes: new Uint8Array() } as const;
    expect(code(normalizeCredentialInput(image))).toBe('FORMAT_UNSUPPORTED');
  });
});

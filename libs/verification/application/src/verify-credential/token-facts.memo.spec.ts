import { KID, sampleCredential, signCredential } from '../testing/credential.fixtures';
import { generateTestKey } from '../testing/test-keys.fixtures';
import { TokenFactsMemo } from './token-facts.memo';

const key = generateTestKey('ES256');

describe('TokenFactsMemo', () => {
  const token = signCredential(sampleCredential(), key);

  it('decodes a token once and gives the same facts for the same bytes only', () => {
    const memo = new TokenFactsMemo();
    const facts = memo.factsOf(token);
    expect(facts.structure).toMatchObject({ name: 'structure', status: 'passed' });
    expect(facts.jwt?.header).toMatchObject({ alg: 'ES256', kid: KID });
    expect(memo.factsOf(token)).toBe(facts);
    expect(memo.factsOf(`${token.slice(0, -2)}AA`)).not.toBe(facts);
  });

  it('remembers malformed tokens as failed structure checks too', () => {
    const memo = new TokenFactsMemo();
    expect(memo.factsOf('a.b.c')).toMatchObject({ structure: { status: 'failed', code: 'JWT_MALFORMED' } });
    expect(memo.factsOf('a.b.c').jwt).toBeUndefined();
  });

  it('forgets the oldest token beyond its size, and remembers nothing at size 0 or beyond the length limit', () => {
    const other = signCredential(sampleCredential({ id: '5b0c1c3e-2f0d-4e8b-a7c6-5d4e3f2a1b0d' }), key);
    const one = new TokenFactsMemo({ maxEntries: 1 });
    const first = one.factsOf(token);
    one.factsOf(other);
    expect(one.factsOf(token)).not.toBe(first);
    const none = new TokenFactsMemo({ maxEntries: 0 });
    expect(none.factsOf(token)).not.toBe(none.factsOf(token));
    const short = new TokenFactsMemo({ maxTokenLength: 10 });
    expect(short.factsOf(token)).not.toBe(short.factsOf(token));
  });
});

import { ProblemException } from '@credstream/runtime';
import { parseFriendlyRequest } from './verify-request';

describe('parseFriendlyRequest', () => {
  it('takes a token-only body as it is, and the same token with options through the schema', () => {
    expect(parseFriendlyRequest({ credential: ' a.b.c ' })).toEqual({ credential: ' a.b.c ' });
    expect(
      parseFriendlyRequest({ credential: 'a.b.c', recipient: { email: ' Ana@Example.org ' }, channel: 'wallet' }),
    ).toEqual({ credential: 'a.b.c', recipient: { email: 'Ana@Example.org' }, channel: 'wallet' });
  });

  it.each([
    ['a credential that is neither text nor an object', { credential: 42 }, 'credential'],
    ['no credential', { recipient: { email: 'ana@example.org' } }, 'credential'],
    ['an invalid option beside a token', { credential: 'a.b.c', channel: 'page' }, 'channel'],
  ])('refuses %s naming the field', (_case, body, field) => {
    let thrown: unknown;
    try {
      parseFriendlyRequest(body);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect((thrown as ProblemException).errors).toEqual([expect.objectContaining({ field })]);
  });
});

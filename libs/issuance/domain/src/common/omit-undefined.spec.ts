import { omitUndefined } from './omit-undefined';

describe('omitUndefined', () => {
  it('drops undefined values only, keeps the order of the rest and leaves its input alone', () => {
    const input = { a: 1, b: undefined, c: null, d: false, e: 0, f: '', g: undefined };

    const kept = omitUndefined(input);

    expect(Object.entries(kept)).toEqual([
      ['a', 1],
      ['c', null],
      ['d', false],
      ['e', 0],
      ['f', ''],
    ]);
    expect(Object.keys(input)).toHaveLength(7);
    expect(JSON.stringify(kept)).toBe(JSON.stringify(input));
  });
});

import { assertValidExpectedVersion, versionMatches } from './expected-version';

describe('expected version', () => {
  it.each([
    [0, 0, true],
    [3, 3, true],
    [2, 3, false],
    ['no-stream', 0, true],
    ['no-stream', 1, false],
    ['any', 0, true],
    ['any', 7, true],
  ] as const)('%s against %s matches: %s', (expected, actual, matches) => {
    expect(versionMatches(expected, actual)).toBe(matches);
  });

  it('rejects negative and fractional versions', () => {
    expect(() => assertValidExpectedVersion(-1)).toThrow(RangeError);
    expect(() => assertValidExpectedVersion(1.5)).toThrow(RangeError);
    expect(() => assertValidExpectedVersion(0)).not.toThrow();
  });
});

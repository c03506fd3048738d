import { tsvValue } from './tab-separated';

describe('TabSeparated values', () => {
  it('escapes separators and backslashes so a value can never start a new column or row', () => {
    expect(tsvValue('a\tb\nc\\d')).toBe('a\\tb\\nc\\\\d');
    expect(tsvValue(42)).toBe('42');
  });

  it('writes arrays as quoted literals', () => {
    expect(tsvValue(['STATUS_REVOKED', "o'k"])).toBe("['STATUS_REVOKED','o\\\\'k']");
    expect(tsvValue([])).toBe('[]');
  });
});

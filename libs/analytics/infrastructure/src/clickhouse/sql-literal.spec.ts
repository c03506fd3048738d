import { sqlDate, sqlNumber, sqlString, sqlStringList } from './sql-literal';

describe('ClickHouse literals', () => {
  it('quotes and escapes quotes, backslashes and control characters', () => {
    expect(sqlString("o'brien")).toBe("'o\\'brien'");
    expect(sqlString('a\\b')).toBe("'a\\\\b'");
    expect(sqlString("x\\' OR 1=1 --")).toBe("'x\\\\\\' OR 1=1 --'");
    expect(sqlString('line\nbreak\0')).toBe("'line\\nbreak\\0'");
  });

  it('keeps an empty IN list valid', () => {
    expect(sqlStringList([])).toBe("('')");
    expect(sqlStringList(['a', "b'"])).toBe("('a', 'b\\'')");
  });

  it('refuses dates and numbers of the wrong shape', () => {
    expect(sqlDate('2026-01-31')).toBe("toDate('2026-01-31')");
    expect(() => sqlDate("2026-01-01') OR (1=1")).toThrow();
    expect(() => sqlNumber(Number.NaN)).toThrow();
  });
});

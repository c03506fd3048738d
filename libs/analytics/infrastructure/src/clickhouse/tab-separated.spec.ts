import { ANALYTICS_ROW_COLUMNS, type AnalyticsRow } from '@credstream/analytics/domain';
import { toTabSeparated, tsvLine, tsvValue } from './tab-separated';

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

describe('TabSeparated rows', () => {
  it('writes one newline-terminated line per row, columns in table order', () => {
    const row = Object.fromEntries(ANALYTICS_ROW_COLUMNS.map((column) => [column, ''])) as unknown as AnalyticsRow;
    Object.assign(row, { event_id: 'e\t1', aggregate_version: 3, failure_codes: ['X'], key_scopes: [] });
    const fields = toTabSeparated([row, row]).split('\n');
    expect(fields).toHaveLength(3);
    const cells = (fields[0] as string).split('\t');
    expect(cells).toHaveLength(ANALYTICS_ROW_COLUMNS.length);
    expect(cells[0]).toBe('e\\t1');
    expect(cells[ANALYTICS_ROW_COLUMNS.indexOf('aggregate_version')]).toBe('3');
    expect(cells[ANALYTICS_ROW_COLUMNS.indexOf('failure_codes')]).toBe("['X']");
    expect(cells[ANALYTICS_ROW_COLUMNS.indexOf('key_scopes')]).toBe('[]');
  });

  it('writes every column in ANALYTICS_ROW_COLUMNS order, each escaped as tsvValue escapes it', () => {
    const row = Object.fromEntries(
      ANALYTICS_ROW_COLUMNS.map((column, index) => [column, `${column}\t${index}`]),
    ) as unknown as AnalyticsRow;
    Object.assign(row, { aggregate_version: 7, kafka_partition: 2, achievement_revision: 3, verified: 1 });
    Object.assign(row, { issuer_known: 0, failure_codes: ['a'], key_scopes: [], skill_names: ["o'k"] });
    Object.assign(row, { skill_urls: ['u'], skill_frameworks: ['f'], skill_codes: ['c\td'] });
    const expected = `${ANALYTICS_ROW_COLUMNS.map((column) => tsvValue(row[column])).join('\t')}\n`;
    expect(tsvLine(row)).toBe(expected);
  });
});

import { ANALYTICS_ROW_COLUMNS, AnalyticsRow } from '@credstream/analytics/domain';

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPED = /[\\\t\n\r\0]/g;
const escapeText = (text: string): string =>
  NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (char) => TSV_ESCAPES[char] ?? char) : text;

/** A value as ClickHouse's TabSeparated format reads it (backslash escapes; arrays as ['a','b']). */
export function tsvValue(value: string | number | readonly string[]): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeText(value);
  if (value.length === 0) return '[]';
  return escapeText(`[${value.map((item) => `'${item.replace(/[\\']/g, (char) => `\\${char}`)}'`).join(',')}]`);
}

/** One row per line in ANALYTICS_ROW_COLUMNS order: far smaller and cheaper to parse than JSONEachRow. */
export function toTabSeparated(rows: readonly AnalyticsRow[]): string {
  const lines: string[] = new Array<string>(rows.length);
  const columns = ANALYTICS_ROW_COLUMNS;
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r] as AnalyticsRow;
    let line = tsvValue(row[columns[0] as keyof AnalyticsRow]);
    for (let c = 1; c < columns.length; c += 1) line += `\t${tsvValue(row[columns[c] as keyof AnalyticsRow])}`;
    lines[r] = line;
  }
  return `${lines.join('\n')}\n`;
}

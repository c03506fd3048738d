/**
 * Quoting for ClickHouse SQL text. ClickHouse 18.16 has no server-side query parameters, so every value that
 * reaches SQL goes through here, after the caller validated its shape (see parseInsightFilters).
 */
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\\0',
  '\b': '\\b',
  '\f': '\\f',
};

/** A single-quoted ClickHouse string literal: backslashes, quotes and control characters escaped. */
export function sqlString(value: string): string {
  return `'${value.replace(/[\\'\n\r\t\0\b\f]/g, (char) => ESCAPES[char] ?? char)}'`;
}

/** A parenthesised list of string literals, for `IN`; `('')` for an empty list so the SQL stays valid. */
export function sqlStringList(values: readonly string[]): string {
  return values.length === 0 ? "('')" : `(${values.map(sqlString).join(', ')})`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `toDate('YYYY-MM-DD')` literal; throws on anything else (callers validate first). */
export function sqlDate(day: string): string {
  if (!DAY.test(day)) throw new Error(`not a day: ${JSON.stringify(day)}`);
  return `toDate('${day}')`;
}

/** A finite number literal; throws on NaN and infinities. */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

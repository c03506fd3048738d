import { parse } from 'csv-parse/sync';
import { IssuanceRequestError } from '../credentials/issuance-request.error';

/** A row as uploaded, before the recipient is checked. `row` counts data rows from 1 (the CSV header is not one). */
export interface BulkRow {
  row: number;
  email?: string;
  did?: string;
  name?: string;
  cohort?: string;
  validUntil?: string;
  idempotencyKey?: string;
}

export interface BulkRowProblem {
  row: number;
  field: string;
  code: string;
  reason: string;
}

export interface ParsedBulkRows {
  rows: BulkRow[];
  /** Rows refused while parsing (e.g. neither email nor did). */
  problems: BulkRowProblem[];
}

export const BULK_COLUMNS = ['email', 'did', 'name', 'cohort', 'validUntil', 'idempotencyKey'] as const;
const KNOWN = new Set<string>(BULK_COLUMNS);

/** Parses a CSV upload with a header row naming {@link BULK_COLUMNS} (email or did required). */
export function parseBulkCsv(text: string, maxRows: number): ParsedBulkRows {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: false,
      to_line: maxRows + 2,
    }) as string[][];
  } catch (error) {
    const { lines } = error as { lines?: number };
    throw new IssuanceRequestError('BULK_CSV_MALFORMED', `the CSV is malformed: ${(error as Error).message}`, {
      kind: 'invalid',
      field: 'file',
      row: lines !== undefined ? Math.max(lines - 1, 0) : undefined,
    });
  }
  const [header, ...data] = records;
  if (!header)
    throw new IssuanceRequestError('BULK_EMPTY', 'the upload has no rows', { kind: 'invalid', field: 'file' });
  const columns = header.map((name) => name.trim());
  const unknown = columns.filter((name) => !KNOWN.has(name));
  if (unknown.length > 0 || (!columns.includes('email') && !columns.includes('did'))) {
    throw new IssuanceRequestError(
      'BULK_CSV_HEADER_INVALID',
      `the header must name columns among ${BULK_COLUMNS.join(', ')} with email or did` +
        (unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''),
      { kind: 'invalid', field: 'header' },
    );
  }
  assertRowCount(data.length, maxRows);
  return toRows(
    data.map((values) => Object.fromEntries(columns.map((name, i) => [name, values[i]]))),
    maxRows,
  );
}

/** Parses a JSON upload: an array of row objects, or `{ rows: [...] }`. */
export function parseBulkJson(value: unknown, maxRows: number): ParsedBulkRows {
  const rows = Array.isArray(value) ? value : (value as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) {
    throw new IssuanceRequestError('BULK_JSON_INVALID', 'expected an array of rows or { "rows": [...] }', {
      kind: 'invalid',
      field: 'rows',
    });
  }
  assertRowCount(rows.length, maxRows);
  return toRows(rows, maxRows);
}

function assertRowCount(count: number, maxRows: number): void {
  if (count === 0)
    throw new IssuanceRequestError('BULK_EMPTY', 'the upload has no rows', { kind: 'invalid', field: 'file' });
  if (count > maxRows) {
    throw new IssuanceRequestError('BULK_TOO_MANY_ROWS', `at most ${maxRows} rows per upload`, {
      kind: 'too-large',
      field: 'file',
    });
  }
}

function toRows(records: unknown[], maxRows: number): ParsedBulkRows {
  const rows: BulkRow[] = [];
  const problems: BulkRowProblem[] = [];
  records.slice(0, maxRows).forEach((record, i) => {
    const row = i + 1;
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      problems.push({ row, field: 'row', code: 'BULK_ROW_INVALID', reason: 'a row must be an object' });
      return;
    }
    const fields: BulkRow = { row };
    for (const column of BULK_COLUMNS) {
      const value = (record as Record<string, unknown>)[column];
      if (value === undefined || value === null || value === '') continue;
      if (typeof value !== 'string') {
        problems.push({ row, field: column, code: 'BULK_FIELD_INVALID', reason: `${column} must be text` });
        return;
      }
      fields[column] = value.trim();
    }
    if (!fields.email && !fields.did) {
      problems.push({ row, field: 'email', code: 'BULK_RECIPIENT_MISSING', reason: 'give an email or a did' });
      return;
    }
    if (fields.email && fields.did) {
      problems.push({
        row,
        field: 'did',
        code: 'BULK_RECIPIENT_AMBIGUOUS',
        reason: 'give an email or a did, not both',
      });
      return;
    }
    rows.push(fields);
  });
  return { rows, problems };
}

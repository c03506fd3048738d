import { IssuanceRequestError } from '../credentials/issuance-request.error';
import { parseBulkCsv, parseBulkJson } from './bulk-rows.parser';

const refusal = (fn: () => unknown): IssuanceRequestError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof IssuanceRequestError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('bulk upload parsing', () => {
  it('reads a CSV with a header, numbering data rows from 1 and trimming values', () => {
    const csv = '\uFEFFemail,name,idempotencyKey\n ana@example.org , Ana ,k-1\n\ndid:key:z6Mk,x,\n';
    const csvWithDid = 'email,did,name\nana@example.org,,Ana\n,did:example:123,Bo\n';
    expect(parseBulkCsv(csv, 10).rows[0]).toEqual({
      row: 1,
      email: 'ana@example.org',
      name: 'Ana',
      idempotencyKey: 'k-1',
    });
    expect(parseBulkCsv(csvWithDid, 10)).toEqual({
      rows: [
        { row: 1, email: 'ana@example.org', name: 'Ana' },
        { row: 2, did: 'did:example:123', name: 'Bo' },
      ],
      problems: [],
    });
  });

  it('reports rows without a recipient, or with two, by row and field, and keeps the good ones', () => {
    const parsed = parseBulkCsv(
      'email,did,name\n,,Nobody\nana@example.org,did:example:1,Both\nbo@example.org,,Bo\n',
      10,
    );
    expect(parsed.rows).toEqual([{ row: 3, email: 'bo@example.org', name: 'Bo' }]);
    expect(parsed.problems).toEqual([
      { row: 1, field: 'email', code: 'BULK_RECIPIENT_MISSING', reason: 'give an email or a did' },
      { row: 2, field: 'did', code: 'BULK_RECIPIENT_AMBIGUOUS', reason: 'give an email or a did, not both' },
    ]);
  });

  it('refuses malformed CSV with the row, an unknown header, an empty upload and too many rows', () => {
    const malformed = refusal(() => parseBulkCsv('email,name\nana@example.org,"Ana\nbo@example.org,Bo,extra\n', 10));
    expect(malformed.code).toBe('BULK_CSV_MALFORMED');
    expect(refusal(() => parseBulkCsv('email,name\na@b.org,A,B\n', 10)).code).toBe('BULK_CSV_MALFORMED');
    expect(refusal(() => parseBulkCsv('mail,name\na@b.org,A\n', 10)).code).toBe('BULK_CSV_HEADER_INVALID');
    expect(refusal(() => parseBulkCsv('', 10)).code).toBe('BULK_EMPTY');
    expect(refusal(() => parseBulkCsv('email\n', 10)).code).toBe('BULK_EMPTY');
    const tooMany = refusal(() => parseBulkCsv(`email\n${'a@b.org\n'.repeat(11)}`, 10));
    expect(tooMany.code).toBe('BULK_TOO_MANY_ROWS');
    expect(tooMany.details['kind']).toBe('too-large');
  });

  it('reads JSON arrays and { rows }, refusing other shapes and non-text fields by row', () => {
    expect(parseBulkJson([{ email: 'a@b.org' }], 10).rows).toEqual([{ row: 1, email: 'a@b.org' }]);
    const parsed = parseBulkJson({ rows: [{ email: 'a@b.org', name: 7 }, 'x', { did: 'did:example:1' }] }, 10);
    expect(parsed.rows).toEqual([{ row: 3, did: 'did:example:1' }]);
    expect(parsed.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [1, 'name', 'BULK_FIELD_INVALID'],
      [2, 'row', 'BULK_ROW_INVALID'],
    ]);
    expect(refusal(() => parseBulkJson({ items: [] }, 10)).code).toBe('BULK_JSON_INVALID');
  });
});

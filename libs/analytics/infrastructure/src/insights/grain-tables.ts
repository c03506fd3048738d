import type { InsightReport, Row } from '@credstream/analytics/application';

/** One table of a query computed over several grains at once (impactQuery, employability's two queries). */
export interface GrainTable {
  /** The column the table names its group by (the row's `key`), none for a totals table. */
  key: string | undefined;
  /** The table's other columns, in order. */
  columns: readonly string[];
  /** At most this many rows (the query orders each grain's rows). */
  limit?: number | undefined;
}

/**
 * Rows of a query over several grains (`grain`, `key`, columns...) as the tables they belong to: a table per
 * name, its rows in query order, `key` under the table's own column name, only the table's columns.
 */
export function splitByGrain<Name extends string>(
  rows: readonly Row[],
  names: readonly Name[],
  tables: Record<Name, GrainTable>,
): InsightReport {
  const report: InsightReport = {};
  for (const name of names) {
    const table = tables[name];
    const inTable = rows.filter((row) => row['grain'] === name);
    report[name] = inTable.slice(0, table.limit ?? inTable.length).map((row) => {
      const out: Row = table.key === undefined ? {} : { [table.key]: row['key'] ?? '' };
      for (const column of table.columns) out[column] = row[column] ?? null;
      return out;
    });
  }
  return report;
}

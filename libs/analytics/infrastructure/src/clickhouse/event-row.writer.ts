import type { ClickHouseClient } from '@clickhouse/client';
import { Readable } from 'node:stream';
import { ANALYTICS_ROW_COLUMNS, type AnalyticsRow, type Erasure } from '@credstream/analytics/domain';
import { sqlString, sqlStringList } from './sql-literal';
import { toTabSeparated } from './tab-separated';

/** Writes projected rows to the raw `events` table and carries out erasures. */
export class ClickHouseEventWriter {
  constructor(private readonly client: ClickHouseClient) {}

  /** One INSERT (one HTTP request); the materialized views fill the derived tables in the same request. */
  async insert(rows: readonly AnalyticsRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.insertTabSeparated([Buffer.from(toTabSeparated(rows), 'utf8')]);
  }

  /** The same, for rows already encoded as TabSeparated (`tsvLine`) bytes, streamed as they are, in order. */
  async insertTabSeparated(chunks: readonly Buffer[]): Promise<void> {
    if (chunks.every((chunk) => chunk.length === 0)) return;
    const send = () =>
      this.client.insert({
        table: 'events',
        format: 'TabSeparated',
        columns: ANALYTICS_ROW_COLUMNS as unknown as [string, ...string[]],
        values: Readable.from(chunks, { objectMode: false }),
      });
    try {
      await send();
    } catch (error) {
      // A pooled keep-alive socket the server had closed: send again at once (the rows are idempotent anyway).
      if (!isConnectionReset(error)) throw error;
      await send();
    }
  }

  /** Hashes of every erased recipient key and account id, so late events about them are blanked at ingest. */
  async erasedHashes(): Promise<string[]> {
    const result = await this.client.query({
      query: 'SELECT DISTINCT hash FROM erased_recipients',
      format: 'JSONEachRow',
    });
    return (await result.json<{ hash: string }>()).map((row) => row.hash);
  }

  async recordErased(hashes: readonly string[], erasedAt: Date): Promise<void> {
    if (hashes.length === 0) return;
    const at = erasedAt.toISOString().slice(0, 19).replace('T', ' ');
    await this.client.insert({
      table: 'erased_recipients',
      format: 'JSONEachRow',
      values: hashes.map((hash) => ({ hash, erased_at: at })),
    });
  }

  /**
   * Blanks the recipient's key and account id on every stored event, and the holder hash of their credentials and
   * outcomes in holding_events (ALTER ... UPDATE mutations, applied by ClickHouse in the background). Counts stay;
   * the link between a person's credentials and outcomes is gone.
   */
  async blankRecipients(erasures: readonly Erasure[]): Promise<void> {
    const keys = erasures.flatMap((erasure) => erasure.recipientKeys).filter((key) => key !== '');
    const ids = erasures.map((erasure) => erasure.recipientId).filter((id) => id !== '');
    if (keys.length === 0 && ids.length === 0) return;
    const condition = [
      keys.length > 0 ? `recipient_key IN ${sqlStringList(keys)}` : '',
      ids.length > 0 ? `recipient_id IN ${sqlStringList(ids)}` : '',
    ]
      .filter((part) => part !== '')
      .join(' OR ');
    await this.client.command({
      query: `ALTER TABLE events UPDATE recipient_key = ${sqlString('')}, recipient_id = ${sqlString('')} WHERE ${condition}`,
    });
    if (keys.length === 0) return;
    // Only recipient keys name holders there (issued credentials and outcomes carry no account id).
    await this.client.command({
      query: `ALTER TABLE holding_events UPDATE holder = 0
        WHERE holder IN (${keys.map((key) => `cityHash64(${sqlString(key)})`).join(', ')})`,
    });
  }
}

export function isConnectionReset(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'ECONNRESET' || (typeof message === 'string' && message.includes('socket hang up'));
}

import { createHash } from 'node:crypto';
import type { AnalyticsRow, Erasure } from '@credstream/analytics/domain';

const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** The hash an erased recipient key or account id is remembered by (never the key itself). */
export const erasedKeyHash = (recipientKey: string): string => sha256(`key:${recipientKey}`);
export const erasedIdHash = (recipientId: string): string => sha256(`id:${recipientId}`);

export function hashesOf(erasure: Erasure): string[] {
  return [
    ...erasure.recipientKeys.filter((key) => key !== '').map(erasedKeyHash),
    ...(erasure.recipientId ? [erasedIdHash(erasure.recipientId)] : []),
  ];
}

/** Recipients who asked to be forgotten: rows about them lose their recipient key and id before insert. */
export class ErasureList {
  private readonly known = new Set<string>();

  load(hashes: Iterable<string>): void {
    for (const hash of hashes) this.known.add(hash);
  }

  add(erasure: Erasure): string[] {
    const hashes = hashesOf(erasure);
    this.load(hashes);
    return hashes;
  }

  /** Every hash on the list (to start another copy of it, on the decoding thread). */
  hashes(): string[] {
    return [...this.known];
  }

  get size(): number {
    return this.known.size;
  }

  scrub(row: AnalyticsRow): AnalyticsRow {
    if (this.known.size === 0) return row;
    const keyErased = row.recipient_key !== '' && this.known.has(erasedKeyHash(row.recipient_key));
    const idErased = row.recipient_id !== '' && this.known.has(erasedIdHash(row.recipient_id));
    if (!keyErased && !idErased) return row;
    return { ...row, recipient_key: '', recipient_id: '' };
  }
}

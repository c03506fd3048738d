import type { mongo } from 'mongoose';
import { isDuplicateKey } from './is-duplicate-key';

export interface ProcessedEventKey {
  /** The consumer (group) applying the effect; two consumers may apply the same event to one document. */
  consumer: string;
  eventId: string;
}

export interface ApplyOnceOptions {
  /** Markers kept per document; default 500. See `applyOnce` for what this bounds. */
  keep?: number;
}

export type ApplyOnceResult = 'applied' | 'duplicate';

/** The field of a projection document holding the ledger entries (`<consumer>:<eventId>`). */
export const PROCESSED_FIELD = 'processed';

const DEFAULT_KEEP = 500;

/**
 * Applies `update` to the document `_id` at most once per (consumer, event): the effect and its
 * ledger entry are one single-document write, so there is no moment where one exists without the
 * other — no transaction needed, and a redelivered event finds its marker and changes nothing.
 *
 * The guard `processed != marker` makes the filter miss when the event was applied; the upsert then
 * tries to insert a second document with the same `_id` and fails with E11000, reported as `duplicate`.
 *
 * Limits: the ledger lives in the document, so an effect must touch exactly one document (split wider
 * effects into one applyOnce per document). Only the last `keep` markers are kept: a redelivery older
 * than `keep` later events on the same document would apply again. Redeliveries come from the
 * uncommitted tail of a partition (at most one batch), so keep `keep` well above a batch's events per document.
 */
export async function applyOnce<TSchema extends mongo.Document>(
  collection: mongo.Collection<TSchema>,
  id: TSchema['_id'],
  update: mongo.UpdateFilter<TSchema>,
  key: ProcessedEventKey,
  options: ApplyOnceOptions = {},
): Promise<ApplyOnceResult> {
  const marker = `${key.consumer}:${key.eventId}`;
  const ledgered = {
    ...update,
    $push: { ...(update.$push as object | undefined), [PROCESSED_FIELD]: marker },
  } as unknown as mongo.UpdateFilter<TSchema>;
  const filter = { _id: id, [PROCESSED_FIELD]: { $ne: marker } } as unknown as mongo.Filter<TSchema>;
  let applied: mongo.WithId<TSchema> | null;
  try {
    applied = await collection.findOneAndUpdate(filter, ledgered, { upsert: true, returnDocument: 'after' });
  } catch (error) {
    if (isDuplicateKey(error)) return 'duplicate';
    throw error;
  }
  await trimLedger(collection, id, applied?.[PROCESSED_FIELD], options.keep ?? DEFAULT_KEEP);
  return 'applied';
}

/**
 * Drops the oldest markers beyond `keep`. A separate write because FerretDB 1.24 ignores `$slice`
 * in `$push`; it is safe to lose or race: it only ever removes markers it names.
 */
async function trimLedger<TSchema extends mongo.Document>(
  collection: mongo.Collection<TSchema>,
  id: TSchema['_id'],
  markers: unknown,
  keep: number,
): Promise<void> {
  if (!Array.isArray(markers) || markers.length <= keep) return;
  const oldest = markers.slice(0, markers.length - keep);
  const trim = { $pullAll: { [PROCESSED_FIELD]: oldest } } as unknown as mongo.UpdateFilter<TSchema>;
  await collection.updateOne({ _id: id } as unknown as mongo.Filter<TSchema>, trim);
}

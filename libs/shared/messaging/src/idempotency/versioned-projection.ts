import type { mongo } from 'mongoose';
import { isDuplicateKey } from './is-duplicate-key';

/** The field of a projection document holding the aggregate version it reflects. */
export const VERSION_FIELD = 'aggregateVersion';

export type VersionedUpsertResult = 'applied' | 'stale';

/**
 * Writes a projection of one aggregate only if `aggregateVersion` is newer than the one stored:
 * redeliveries and out-of-date replays leave it unchanged. Suits projections that hold the latest
 * state of an aggregate (set fields), not counters — use applyOnce for those.
 */
export async function upsertIfNewer<TSchema extends mongo.Document>(
  collection: mongo.Collection<TSchema>,
  id: TSchema['_id'],
  aggregateVersion: number,
  update: mongo.UpdateFilter<TSchema>,
): Promise<VersionedUpsertResult> {
  const filter = { _id: id, [VERSION_FIELD]: { $lt: aggregateVersion } } as unknown as mongo.Filter<TSchema>;
  const versioned = {
    ...update,
    $set: { ...(update.$set as object | undefined), [VERSION_FIELD]: aggregateVersion },
  } as unknown as mongo.UpdateFilter<TSchema>;
  try {
    const result = await collection.updateOne(filter, versioned, { upsert: true });
    return result.matchedCount + result.upsertedCount > 0 ? 'applied' : 'stale';
  } catch (error) {
    if (isDuplicateKey(error)) return 'stale';
    throw error;
  }
}

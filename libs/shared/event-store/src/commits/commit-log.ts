import type { Connection, mongo } from 'mongoose';
import type { CommitDocument, StoredCommit } from './commit-document';

export const DEFAULT_COLLECTION_PREFIX = 'es_';

const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

export interface UnpublishedLag {
  commits: number;
  events: number;
}

/**
 * The `<prefix>commits` collection: every MongoDB access of the store and the relay goes through here.
 * Only single-document writes and plain indexed queries (docs/local-infrastructure.md, feature subset).
 */
export class CommitLog {
  readonly collection: mongo.Collection<CommitDocument>;
  private indexes: Promise<void> | undefined;

  constructor(connection: Connection, collectionPrefix = DEFAULT_COLLECTION_PREFIX) {
    this.collection = connection.collection<CommitDocument>(`${collectionPrefix}commits`);
  }

  /** Idempotent; the unique indexes are what turns a concurrent append into a conflict. */
  ensureIndexes(): Promise<void> {
    this.indexes ??= this.createIndexes().catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }

  async head(streamId: string): Promise<number> {
    const latest = await this.collection
      .find({ streamId }, { projection: { toVersion: 1 } })
      .sort({ toVersion: -1 })
      .limit(1)
      .next();
    return latest?.toVersion ?? 0;
  }

  async insert(commit: CommitDocument): Promise<void> {
    await this.collection.insertOne(commit);
  }

  async read(streamId: string, fromVersion: number): Promise<StoredCommit[]> {
    return (await this.collection
      .find({ streamId, toVersion: { $gte: fromVersion } })
      .sort({ fromVersion: 1 })
      .toArray()) as StoredCommit[];
  }

  /**
   * Up to `limit` unpublished commits, in no particular order. Deliberately unsorted: an equality filter
   * plus a limit is what FerretDB can push down to its backend; a server-side sort would make it fetch and
   * sort every unpublished commit on each call. Callers order what they get.
   */
  async unpublished(limit: number): Promise<StoredCommit[]> {
    return (await this.collection.find({ published: false }).limit(limit).toArray()) as StoredCommit[];
  }

  /** One stream's unpublished commits in version order. */
  async unpublishedOf(streamId: string, limit: number): Promise<StoredCommit[]> {
    return (await this.collection
      .find({ streamId, published: false })
      .sort({ fromVersion: 1 })
      .limit(limit)
      .toArray()) as StoredCommit[];
  }

  /**
   * One statement for the whole batch. Not `bulkWrite`: FerretDB 1.24 leaks a PostgreSQL connection per
   * statement of a multi-statement update, and the server hangs once its pool is exhausted.
   */
  async markPublished(ids: readonly mongo.ObjectId[]): Promise<void> {
    if (ids.length === 0) return;
    await this.collection.updateMany({ _id: { $in: [...ids] } }, { $set: { published: true } });
  }

  /** Summed in the application: FerretDB 1.24 answers `$sum: '$field'` in `$group` with 0. */
  async lag(): Promise<UnpublishedLag> {
    const lag: UnpublishedLag = { commits: 0, events: 0 };
    const cursor = this.collection.find({ published: false }, { projection: { fromVersion: 1, toVersion: 1 } });
    for await (const commit of cursor) {
      lag.commits += 1;
      lag.events += commit.toVersion - commit.fromVersion + 1;
    }
    return lag;
  }

  private async createIndexes(): Promise<void> {
    await this.collection.createIndex({ streamId: 1, fromVersion: 1 }, { unique: true, name: 'stream_from_version' });
    await this.collection.createIndex({ streamId: 1, toVersion: 1 }, { unique: true, name: 'stream_to_version' });
    await this.collection.createIndex({ published: 1, _id: 1 }, { name: 'unpublished' });
  }
}

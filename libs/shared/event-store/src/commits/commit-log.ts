import type { Connection, mongo } from 'mongoose';
import {
  BATCH_STREAM_PREFIX,
  blockOf,
  bucketOf,
  CommitDocument,
  GAP_STREAM_PREFIX,
  StoredCommit,
} from './commit-document';

export const DEFAULT_COLLECTION_PREFIX = 'es_';

const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

/** Index of the first refused document of an ordered `insertMany`, if the driver reports it. */
export function failedInsertIndex(error: unknown): number | undefined {
  const writeErrors = (error as { writeErrors?: { index?: number }[] | { index?: number } }).writeErrors;
  const first = Array.isArray(writeErrors) ? writeErrors[0] : writeErrors;
  return typeof first?.index === 'number' ? first.index : undefined;
}

export interface UnpublishedLag {
  /** Positions after the relay's checkpoint (commits, gaps not yet closed, appends in flight). */
  commits: number;
  events: number;
}

/**
 * The `<prefix>commits` collection: every MongoDB access of the store and the relay goes through here.
 * Only single-document writes (plus `insertMany` for reservations) and top-level equality queries, the only
 * filters FerretDB 1.24 pushes down to PostgreSQL; ordering happens in memory.
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

  /** Every document of a stream (commits and reservations), in no particular order. */
  async ofStream(streamId: string): Promise<StoredCommit[]> {
    return (await this.collection.find({ streamId }).toArray()) as StoredCommit[];
  }

  async endingAt(streamId: string, toVersion: number): Promise<StoredCommit | null> {
    return (await this.collection.findOne({ streamId, toVersion })) as StoredCommit | null;
  }

  async batchCommit(batch: string): Promise<StoredCommit | null> {
    return (await this.collection.findOne({ streamId: `${BATCH_STREAM_PREFIX}${batch}` })) as StoredCommit | null;
  }

  async atPosition(position: number): Promise<StoredCommit | null> {
    return (await this.collection.findOne({ position })) as StoredCommit | null;
  }

  async insert(commit: CommitDocument): Promise<void> {
    await this.collection.insertOne(commit);
  }

  /** Ordered: stops at the first duplicate (see `failedInsertIndex`). */
  async insertReservations(reservations: CommitDocument[]): Promise<void> {
    await this.collection.insertMany(reservations, { ordered: true });
  }

  async deleteReservations(batch: string): Promise<void> {
    await this.collection.deleteMany({ batch, streams: { $exists: false } });
  }

  /**
   * Closes an allocated position that holds no commit, so the relay can pass it. Resolves false when the
   * position already holds a document (the commit arrived after all, or another closer was first).
   */
  async closeGap(position: number, at: Date): Promise<boolean> {
    try {
      await this.collection.insertOne({
        streamId: `${GAP_STREAM_PREFIX}${position}`,
        fromVersion: 0,
        toVersion: 0,
        position,
        bucket: bucketOf(position),
        block: blockOf(position),
        committedAt: at,
      });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Commits in one bucket (`BUCKET_SIZE` positions) or block (`BLOCK_SIZE` positions), in no order. */
  async inRange(field: 'bucket' | 'block', value: number): Promise<StoredCommit[]> {
    return (await this.collection.find({ [field]: value }).toArray()) as StoredCommit[];
  }

  private async createIndexes(): Promise<void> {
    await this.collection.createIndex({ streamId: 1, fromVersion: 1 }, { unique: true, name: 'stream_from_version' });
    await this.collection.createIndex({ streamId: 1, toVersion: 1 }, { unique: true, name: 'stream_to_version' });
    await this.collection.createIndex({ position: 1 }, { unique: true, name: 'position' });
    // Used by MongoDB; FerretDB 1.24 scans either way.
    await this.collection.createIndex({ bucket: 1 }, { name: 'bucket' });
    await this.collection.createIndex({ block: 1 }, { name: 'block' });
  }
}

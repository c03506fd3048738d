import type { EventEnvelope } from '@credstream/contracts';
import type { mongo } from 'mongoose';

/**
 * One append = one document, so an append is atomic without transactions. Versions are 1-based and
 * contiguous per stream: `events[i].aggregateVersion === fromVersion + i`, `toVersion` is the last one.
 * `published` turns true only after Kafka acknowledged every event of the commit.
 */
export interface CommitDocument {
  _id?: mongo.ObjectId;
  streamId: string;
  fromVersion: number;
  toVersion: number;
  events: EventEnvelope[];
  committedAt: Date;
  published: boolean;
}

/** A commit as read back: it always has its `_id`. */
export type StoredCommit = CommitDocument & { _id: mongo.ObjectId };

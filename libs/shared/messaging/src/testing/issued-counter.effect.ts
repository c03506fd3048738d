import type { EventEnvelope } from '@credstream/contracts';
import type { mongo } from 'mongoose';
import { ApplyOnceResult, applyOnce } from '../idempotency/processed-event.ledger';

/** The projection the crash tests count into: issued events per aggregate, with the ledger in the same document. */
export interface IssuedCounter {
  _id: string;
  issued: number;
  processed: string[];
}

export function issuedCounters(db: mongo.Db) {
  return db.collection<IssuedCounter>('issued_per_aggregate');
}

/**
 * The effect under test, shared by the crashing child and the restarted consumer so both apply exactly
 * the same idempotent update.
 */
export function countIssuedOnce(db: mongo.Db, event: EventEnvelope, consumer: string): Promise<ApplyOnceResult> {
  return applyOnce(issuedCounters(db), event.aggregateId, { $inc: { issued: 1 } }, { consumer, eventId: event.id });
}

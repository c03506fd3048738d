import type { Connection, mongo } from 'mongoose';
import { isDuplicateKeyError } from './commit-log';

interface CounterDocument {
  _id: string;
  value: number;
}

interface Taker {
  resolve(position: number): void;
  reject(error: unknown): void;
}

const COUNTER_ID = 'commits';

/** Positions handed out by one increment at most (a burst larger than this takes several round trips). */
const MAX_POSITIONS_PER_INCREMENT = 1_000;

/**
 * The global commit position: one document in `<prefix>positions`, advanced with `findOneAndUpdate $inc`.
 * Positions start at 1; 0 means "nothing yet".
 *
 * One increment at a time per counter: appends that ask while one is in flight wait for it, and the next
 * increment takes a position for each of them at once (`$inc` by their number). That is one round trip per
 * burst instead of one per commit, and it keeps FerretDB 1.24 (development and CI) working: its
 * `findAndModify` reads, then writes, so concurrent increments lose updates and hand out the same position,
 * and each one holds two of its PostgreSQL connections, so about fifty at once exhaust its pool for good
 * (docs/decisions/0004-event-store-and-relay.md, session-9 amendment). Between counters (replicas, threads),
 * a repeated position is still possible there; the unique position index turns it into a retry.
 */
export class PositionCounter {
  private readonly collection: mongo.Collection<CounterDocument>;
  private readonly waiting: Taker[] = [];
  private incrementing = false;

  constructor(connection: Connection, collectionPrefix: string) {
    this.collection = connection.collection<CounterDocument>(`${collectionPrefix}positions`);
  }

  next(): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.incrementing) void this.serveWaiting();
    });
  }

  /** The last allocated position (its commit may still be in flight). */
  async current(): Promise<number> {
    return (await this.collection.findOne({ _id: COUNTER_ID }))?.value ?? 0;
  }

  private async serveWaiting(): Promise<void> {
    this.incrementing = true;
    try {
      while (this.waiting.length > 0) {
        const takers = this.waiting.splice(0, MAX_POSITIONS_PER_INCREMENT);
        try {
          const last = await this.incrementBy(takers.length);
          const first = last - takers.length + 1;
          takers.forEach((taker, index) => taker.resolve(first + index));
        } catch (error) {
          for (const taker of takers) taker.reject(error);
        }
      }
    } finally {
      this.incrementing = false;
    }
  }

  private async incrementBy(count: number): Promise<number> {
    try {
      return await this.increment(count);
    } catch (error) {
      // Two first increments race to create the document; the loser's upsert hits the unique _id.
      if (!isDuplicateKeyError(error)) throw error;
      return this.increment(count);
    }
  }

  private async increment(count: number): Promise<number> {
    const counter = await this.collection.findOneAndUpdate(
      { _id: COUNTER_ID },
      { $inc: { value: count } },
      { upsert: true, returnDocument: 'after' },
    );
    if (!counter) throw new Error('position counter upsert returned nothing');
    return counter.value;
  }
}

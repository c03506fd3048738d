import type { Connection, mongo } from 'mongoose';
import { isDuplicateKeyError } from './commit-log';

interface CounterDocument {
  _id: string;
  value: number;
}

const COUNTER_ID = 'commits';

/**
 * The global commit position: one document in `<prefix>positions`, incremented with a single
 * `findOneAndUpdate $inc` round trip per commit. Positions start at 1; 0 means "nothing yet".
 */
export class PositionCounter {
  private readonly collection: mongo.Collection<CounterDocument>;

  constructor(connection: Connection, collectionPrefix: string) {
    this.collection = connection.collection<CounterDocument>(`${collectionPrefix}positions`);
  }

  async next(): Promise<number> {
    try {
      return await this.increment();
    } catch (error) {
      // Two first increments race to create the document; the loser's upsert hits the unique _id.
      if (!isDuplicateKeyError(error)) throw error;
      return this.increment();
    }
  }

  private async increment(): Promise<number> {
    const counter = await this.collection.findOneAndUpdate(
      { _id: COUNTER_ID },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    if (!counter) throw new Error('position counter upsert returned nothing');
    return counter.value;
  }

  /** The last allocated position (its commit may still be in flight). */
  async current(): Promise<number> {
    return (await this.collection.findOne({ _id: COUNTER_ID }))?.value ?? 0;
  }
}

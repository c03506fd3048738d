import type { Connection, mongo } from 'mongoose';
import { isDuplicateKeyError } from '../commits/commit-log';
import type { Clock } from '../store/envelope-factory';

interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export interface RelayLeaseOptions {
  connection: Connection;
  collectionPrefix: string;
  name: string;
  owner: string;
  ttlMs: number;
  clock: Clock;
}

/**
 * Mutual exclusion between relay replicas: one document in `<prefix>relay_leases`, taken with a conditional
 * upsert that matches only when we own it or it has expired. A second replica's upsert hits the unique `_id`
 * and fails, so exactly one wins. We consider the lease ours only until a safety margin before it expires,
 * which absorbs clock skew between replicas and the time a renewal takes.
 */
export class RelayLease {
  private readonly collection: mongo.Collection<LeaseDocument>;
  private heldUntil = 0;
  private renewedAt = 0;

  constructor(private readonly options: RelayLeaseOptions) {
    this.collection = options.connection.collection<LeaseDocument>(`${options.collectionPrefix}relay_leases`);
  }

  get owner(): string {
    return this.options.owner;
  }

  isHeld(): boolean {
    return this.options.clock().getTime() < this.heldUntil;
  }

  /** Renews a held lease once a third of its time has passed; tries to take it when not held. */
  async ensure(): Promise<boolean> {
    const dueForRenewal = this.options.clock().getTime() - this.renewedAt >= this.options.ttlMs / 3;
    if (this.isHeld() && !dueForRenewal) return true;
    return this.acquire();
  }

  /** Acquires or renews; resolves false when another owner holds an unexpired lease. */
  async acquire(): Promise<boolean> {
    const { name, owner, ttlMs, clock } = this.options;
    const now = clock();
    try {
      const lease = await this.collection.findOneAndUpdate(
        { _id: name, $or: [{ owner }, { expiresAt: { $lte: now } }] },
        { $set: { owner, expiresAt: new Date(now.getTime() + ttlMs) } },
        { upsert: true, returnDocument: 'after' },
      );
      if (lease?.owner !== owner) return this.lost();
      this.renewedAt = now.getTime();
      this.heldUntil = now.getTime() + ttlMs - ttlMs / 4;
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return this.lost();
      throw error;
    }
  }

  /** Lets another replica take over at once instead of waiting for expiry. */
  async release(): Promise<void> {
    this.heldUntil = 0;
    await this.collection.updateOne(
      { _id: this.options.name, owner: this.options.owner },
      { $set: { expiresAt: new Date(0) } },
    );
  }

  private lost(): false {
    this.heldUntil = 0;
    return false;
  }
}

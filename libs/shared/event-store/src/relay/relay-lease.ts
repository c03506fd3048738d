import type { Connection, mongo } from 'mongoose';
import { isDuplicateKeyError } from '../commits/commit-log';
import type { Clock } from '../store/envelope-factory';

interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
  /** The relay's checkpoint: every position up to here has been published (or was a closed gap). */
  checkpoint?: number;
}

export class LeaseLostError extends Error {
  constructor() {
    super('relay lease lost; stopped publishing');
  }
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
 *
 * The same document holds the relay's checkpoint, advanced only by a write conditional on our ownership:
 * a relay that lost its lease cannot move the checkpoint (its sends may repeat, they cannot skip).
 */
export class RelayLease {
  private readonly collection: mongo.Collection<LeaseDocument>;
  private heldUntil = 0;
  private renewedAt = 0;
  private position = 0;

  constructor(private readonly options: RelayLeaseOptions) {
    this.collection = options.connection.collection<LeaseDocument>(`${options.collectionPrefix}relay_leases`);
  }

  get owner(): string {
    return this.options.owner;
  }

  /** The checkpoint as of when we took the lease, then as we advanced it. */
  get checkpoint(): number {
    return this.position;
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
      if (!this.isHeld()) this.position = lease.checkpoint ?? 0;
      this.renewedAt = now.getTime();
      this.heldUntil = now.getTime() + ttlMs - ttlMs / 4;
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return this.lost();
      throw error;
    }
  }

  /** Records that every position up to `position` is done; throws `LeaseLostError` if we no longer own it. */
  async advance(position: number): Promise<void> {
    const { name, owner } = this.options;
    const result = await this.collection.updateOne({ _id: name, owner }, { $set: { checkpoint: position } });
    if (result.matchedCount === 0) {
      this.lost();
      throw new LeaseLostError();
    }
    this.position = position;
  }

  /** The checkpoint as stored, whoever holds the lease. */
  async storedCheckpoint(): Promise<number> {
    return (await this.collection.findOne({ _id: this.options.name }))?.checkpoint ?? 0;
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

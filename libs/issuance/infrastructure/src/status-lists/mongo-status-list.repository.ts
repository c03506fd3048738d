import type { Connection, mongo } from 'mongoose';
import type { PublishedStatusList, StatusListKey, StatusListRepository } from '@credstream/issuance/application';
import type { StatusPurpose } from '@credstream/open-badges';
import { isDuplicateKeyError } from '@credstream/event-store';

interface HeadDocument {
  _id: string;
  seq: number;
}

type PublishedDocument = PublishedStatusList & { _id: string };

const keyId = (key: StatusListKey) => `${key.issuerId}:${key.purpose}:${key.seq}`;

/** `issuance_status_list_heads` (which list of a series is current) and `issuance_status_lists` (signed lists). */
export class MongoStatusListRepository implements StatusListRepository {
  private readonly heads: mongo.Collection<HeadDocument>;
  private readonly lists: mongo.Collection<PublishedDocument>;

  constructor(connection: Connection) {
    this.heads = connection.collection<HeadDocument>('issuance_status_list_heads');
    this.lists = connection.collection<PublishedDocument>('issuance_status_lists');
  }

  async currentSeq(issuerId: string, purpose: StatusPurpose): Promise<number> {
    return (await this.heads.findOne({ _id: `${issuerId}:${purpose}` }))?.seq ?? 1;
  }

  async advance(issuerId: string, purpose: StatusPurpose, fromSeq: number): Promise<number> {
    const _id = `${issuerId}:${purpose}`;
    const moved = await this.heads.updateOne({ _id, seq: fromSeq }, { $set: { seq: fromSeq + 1 } });
    if (moved.matchedCount === 0 && fromSeq === 1) {
      try {
        await this.heads.insertOne({ _id, seq: 2 });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return this.currentSeq(issuerId, purpose);
  }

  async savePublished(list: PublishedStatusList): Promise<void> {
    const _id = keyId(list);
    const replaced = await this.lists.replaceOne({ _id, version: { $lte: list.version } }, list);
    if (replaced.matchedCount > 0) return;
    try {
      await this.lists.insertOne({ _id, ...list });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error; // a newer version was saved meanwhile
    }
  }

  async findPublished(key: StatusListKey): Promise<PublishedStatusList | undefined> {
    const document = await this.lists.findOne({ _id: keyId(key) });
    if (!document) return undefined;
    const { _id, ...list } = document;
    return list;
  }
}

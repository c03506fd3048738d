import type { Connection } from 'mongoose';
import type { RecipientDirectory } from '@credstream/sharing/application';
import { collectionOf, isDuplicateKey, SHARING_COLLECTIONS } from './sharing-collections';

type Document = { _id: string; recipientId: string };

/** recipientKey → recipient account; the unique `_id` makes concurrent first claims agree on one account. */
export class MongoRecipientDirectory implements RecipientDirectory {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return collectionOf<Document>(this.connection, SHARING_COLLECTIONS.recipientKeys);
  }

  async find(recipientKey: string): Promise<string | null> {
    return (await this.collection.findOne({ _id: recipientKey }))?.recipientId ?? null;
  }

  async bind(recipientKey: string, recipientId: string): Promise<string> {
    try {
      await this.collection.insertOne({ _id: recipientKey, recipientId });
      return recipientId;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.find(recipientKey);
      if (!existing) throw error;
      return existing;
    }
  }

  async remove(recipientKeys: readonly string[]): Promise<void> {
    for (const key of recipientKeys) await this.collection.deleteOne({ _id: key });
  }
}

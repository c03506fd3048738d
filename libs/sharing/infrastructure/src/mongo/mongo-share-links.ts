import type { Connection } from 'mongoose';
import type { ShareLinks, ShareLinkView } from '@credstream/sharing/application';
import { collectionOf, SHARING_COLLECTIONS } from './sharing-collections';

type Document = Omit<ShareLinkView, 'shareId'> & { _id: string };

export class MongoShareLinks implements ShareLinks {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return collectionOf<Document>(this.connection, SHARING_COLLECTIONS.shareLinks);
  }

  async save({ shareId, ...rest }: ShareLinkView): Promise<void> {
    await this.collection.replaceOne({ _id: shareId }, rest, { upsert: true });
  }

  async get(shareId: string): Promise<ShareLinkView | null> {
    const document = await this.collection.findOne({ _id: shareId });
    return document ? toShare(document) : null;
  }

  async listByCredential(credentialId: string): Promise<ShareLinkView[]> {
    return (await this.collection.find({ credentialId }).toArray()).map(toShare);
  }

  async markRevoked(shareId: string, revokedAt: string): Promise<void> {
    await this.collection.updateOne({ _id: shareId }, { $set: { revokedAt } });
  }
}

function toShare({ _id, ...rest }: Document): ShareLinkView {
  return { shareId: _id, ...rest };
}

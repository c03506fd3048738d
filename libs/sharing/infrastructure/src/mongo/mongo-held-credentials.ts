import type { Connection } from 'mongoose';
import type { HeldCredential, HeldCredentialChange, HeldCredentials } from '@credstream/sharing/application';
import { collectionOf, isDuplicateKey, SHARING_COLLECTIONS } from './sharing-collections';

type Document = Omit<HeldCredential, 'credentialId'> & { _id: string };

export class MongoHeldCredentials implements HeldCredentials {
  constructor(private readonly connection: Connection) {}

  private get collection() {
    return collectionOf<Document>(this.connection, SHARING_COLLECTIONS.credentials);
  }

  async insertIfAbsent(credential: HeldCredential): Promise<boolean> {
    const { credentialId, ...rest } = credential;
    try {
      await this.collection.insertOne({ _id: credentialId, ...rest });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async update(credentialId: string, change: HeldCredentialChange): Promise<void> {
    await this.collection.updateOne({ _id: credentialId }, { $set: change });
  }

  async get(credentialId: string): Promise<HeldCredential | null> {
    const document = await this.collection.findOne({ _id: credentialId });
    return document ? toCredential(document) : null;
  }

  async listByRecipient(recipientId: string): Promise<HeldCredential[]> {
    return (await this.collection.find({ recipientId }).toArray()).map(toCredential);
  }
}

function toCredential({ _id, ...rest }: Document): HeldCredential {
  return { credentialId: _id, ...rest };
}

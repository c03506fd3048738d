import type { Connection } from 'mongoose';
import type { AuthStore, SignedInRecipient } from '@credstream/sharing/application';
import { collectionOf, SHARING_COLLECTIONS } from './sharing-collections';

type MagicLink = SignedInRecipient & { _id: string; expiresAt: Date; usedAt: Date | null };
type Session = SignedInRecipient & { _id: string; expiresAt: Date };

/** Magic links and sessions by the sha256 of their secret (no TTL indexes on FerretDB: expiry is checked on read). */
export class MongoAuthStore implements AuthStore {
  constructor(private readonly connection: Connection) {}

  private get magicLinks() {
    return collectionOf<MagicLink>(this.connection, SHARING_COLLECTIONS.magicLinks);
  }

  private get sessions() {
    return collectionOf<Session>(this.connection, SHARING_COLLECTIONS.sessions);
  }

  async saveMagicLink(tokenHash: string, recipient: SignedInRecipient, expiresAt: Date): Promise<void> {
    await this.magicLinks.insertOne({ _id: tokenHash, ...pick(recipient), expiresAt, usedAt: null });
  }

  async consumeMagicLink(tokenHash: string, now: Date): Promise<SignedInRecipient | null> {
    // The guarded update is the single use: of two concurrent sign-ins only one modifies the document.
    const used = await this.magicLinks.updateOne({ _id: tokenHash, usedAt: null }, { $set: { usedAt: now } });
    if (used.modifiedCount !== 1) return null;
    const link = await this.magicLinks.findOne({ _id: tokenHash });
    if (!link || link.expiresAt.getTime() <= now.getTime()) return null;
    return pick(link);
  }

  async saveSession(tokenHash: string, recipient: SignedInRecipient, expiresAt: Date): Promise<void> {
    await this.sessions.insertOne({ _id: tokenHash, ...pick(recipient), expiresAt });
  }

  async findSession(tokenHash: string, now: Date): Promise<SignedInRecipient | null> {
    const session = await this.sessions.findOne({ _id: tokenHash });
    if (!session || session.expiresAt.getTime() <= now.getTime()) return null;
    return pick(session);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.sessions.deleteOne({ _id: tokenHash });
  }

  async deleteEverythingOf(recipientId: string): Promise<void> {
    await this.sessions.deleteMany({ recipientId });
    await this.magicLinks.deleteMany({ recipientId });
  }
}

const pick = ({ recipientId, recipientKey }: SignedInRecipient): SignedInRecipient => ({ recipientId, recipientKey });

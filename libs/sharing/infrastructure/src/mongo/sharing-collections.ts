import type { Connection, mongo } from 'mongoose';

/** Collections of the sharing service (beside `sharing_commits` of its event store). */
export const SHARING_COLLECTIONS = {
  credentials: 'sharing_credentials',
  recipientKeys: 'sharing_recipient_keys',
  shareLinks: 'sharing_share_links',
  magicLinks: 'sharing_magic_links',
  sessions: 'sharing_sessions',
} as const;

export const collectionOf = <T extends mongo.Document>(connection: Connection, name: string): mongo.Collection<T> =>
  connection.collection<T>(name) as unknown as mongo.Collection<T>;

export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/** Indexes for the hot equality lookups (FerretDB pushes top-level equality down; MongoDB uses them). */
export async function ensureSharingIndexes(connection: Connection): Promise<void> {
  await collectionOf(connection, SHARING_COLLECTIONS.credentials).createIndex({ recipientId: 1 });
  await collectionOf(connection, SHARING_COLLECTIONS.shareLinks).createIndex({ credentialId: 1 });
  await collectionOf(connection, SHARING_COLLECTIONS.sessions).createIndex({ recipientId: 1 });
  await collectionOf(connection, SHARING_COLLECTIONS.magicLinks).createIndex({ recipientId: 1 });
}

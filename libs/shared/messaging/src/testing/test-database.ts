import { randomBytes } from 'node:crypto';
import mongoose, { Connection, mongo } from 'mongoose';

const MONGO_HOST = process.env['MONGODB_TEST_HOST'] ?? '127.0.0.1:27017';

export interface TestDatabase {
  uri: string;
  db: mongo.Db;
  drop(): Promise<void>;
}

/** A database of its own (`msg_<random>`) on the local FerretDB; `drop` removes it and disconnects. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const uri = `mongodb://${MONGO_HOST}/msg_${randomBytes(6).toString('hex')}`;
  const connection: Connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const db = connection.db;
  if (!db) throw new Error(`no database at ${uri}`);
  return {
    uri,
    db,
    drop: async () => {
      await db.dropDatabase();
      await connection.close();
    },
  };
}

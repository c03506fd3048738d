import mongoose, { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { ManagedConnection, withTimeout } from './dependency-probe';
import { BackgroundConnector } from './retry-in-background';

const PROBE_TIMEOUT_MS = 3_000;

/** The service's MongoDB connection (FerretDB locally). Commands fail fast instead of buffering while it is down. */
export class MongoConnection implements ManagedConnection {
  readonly name = 'mongodb';
  readonly connection: Connection;
  private readonly connector: BackgroundConnector;

  constructor(
    private readonly uri: string,
    logger: Logger,
  ) {
    this.connection = mongoose.createConnection();
    this.connection.set('bufferCommands', false);
    this.connector = new BackgroundConnector('mongodb', () => this.open(), logger);
  }

  start(): void {
    this.connector.start();
  }

  async check(): Promise<void> {
    const db = this.connection.db;
    if (this.connection.readyState !== mongoose.ConnectionStates.connected || !db) {
      throw new Error('not connected');
    }
    await withTimeout(db.admin().ping(), PROBE_TIMEOUT_MS, 'mongodb');
  }

  async close(): Promise<void> {
    this.connector.stop();
    await this.connection.close(true);
  }

  private async open(): Promise<void> {
    await this.connection.openUri(this.uri, {
      serverSelectionTimeoutMS: 5_000,
      connectTimeoutMS: 5_000,
      autoIndex: true,
    });
  }
}

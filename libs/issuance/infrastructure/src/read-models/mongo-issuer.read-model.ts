import type { Connection, mongo } from 'mongoose';
import type { IssuerReadModel, IssuerView } from '@credstream/issuance/application';
import { upsertIfNewer } from '@credstream/messaging';

type IssuerDocument = { _id: string; aggregateVersion: number; view: IssuerView; tenantId: string };

/** Issuers per tenant in `issuance_issuers` (`_id` = issuer id, `tenantId` top-level for the list query). */
export class MongoIssuerReadModel implements IssuerReadModel {
  constructor(
    private readonly connection: Connection,
    private readonly collectionName = 'issuance_issuers',
  ) {}

  async save(view: IssuerView): Promise<void> {
    await upsertIfNewer(this.collection(), view.issuerId, view.version, { $set: { tenantId: view.tenantId, view } });
  }

  async listForTenant(tenantId: string): Promise<IssuerView[]> {
    const documents = await this.collection().find({ tenantId }).toArray();
    return documents
      .map((document) => document.view)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.issuerId.localeCompare(b.issuerId));
  }

  private collection(): mongo.Collection<IssuerDocument> {
    const db = this.connection.db;
    if (!db) throw new Error('MongoDB is not connected');
    return db.collection<IssuerDocument>(this.collectionName);
  }
}

import type { Connection, mongo } from 'mongoose';
import type { AchievementListQuery, AchievementReadModel, AchievementView } from '@credstream/issuance/application';
import { upsertIfNewer } from '@credstream/messaging';

type AchievementDocument = { _id: string; aggregateVersion: number; tenantId: string; view: AchievementView };

/** Achievements per tenant in `issuance_achievements` (`_id` = achievement id, `tenantId` top-level). */
export class MongoAchievementReadModel implements AchievementReadModel {
  constructor(
    private readonly connection: Connection,
    private readonly collectionName = 'issuance_achievements',
  ) {}

  async save(view: AchievementView): Promise<void> {
    await upsertIfNewer(this.collection(), view.achievementId, view.version, {
      $set: { tenantId: view.tenantId, view },
    });
  }

  async listForTenant(tenantId: string, query: AchievementListQuery = {}): Promise<AchievementView[]> {
    // Equality on tenantId only (pushed down by FerretDB); the rest is filtered in memory.
    const documents = await this.collection().find({ tenantId }).toArray();
    return documents
      .map((document) => document.view)
      .filter((view) => query.includeArchived === true || !view.archived)
      .filter((view) => query.issuerId === undefined || view.issuerId === query.issuerId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.achievementId.localeCompare(b.achievementId));
  }

  private collection(): mongo.Collection<AchievementDocument> {
    const db = this.connection.db;
    if (!db) throw new Error('MongoDB is not connected');
    return db.collection<AchievementDocument>(this.collectionName);
  }
}

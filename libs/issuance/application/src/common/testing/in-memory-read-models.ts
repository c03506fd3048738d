import type { AchievementListQuery, AchievementReadModel } from '../../achievements/achievement-read-model.port';
import type { AchievementView } from '../../achievements/achievement-view';
import type { IssuerReadModel } from '../../issuers/issuer-read-model.port';
import type { IssuerView } from '../../issuers/issuer-view';

/** Read models in memory, version-checked like the Mongo ones: for unit tests of handlers. */
export class InMemoryIssuerReadModel implements IssuerReadModel {
  readonly views = new Map<string, IssuerView>();

  async save(view: IssuerView): Promise<void> {
    const current = this.views.get(view.issuerId);
    if (!current || current.version < view.version) this.views.set(view.issuerId, view);
  }

  async listForTenant(tenantId: string): Promise<IssuerView[]> {
    return [...this.views.values()].filter((view) => view.tenantId === tenantId);
  }
}

export class InMemoryAchievementReadModel implements AchievementReadModel {
  readonly views = new Map<string, AchievementView>();

  async save(view: AchievementView): Promise<void> {
    const current = this.views.get(view.achievementId);
    if (!current || current.version < view.version) this.views.set(view.achievementId, view);
  }

  async listForTenant(tenantId: string, query: AchievementListQuery = {}): Promise<AchievementView[]> {
    return [...this.views.values()].filter(
      (view) =>
        view.tenantId === tenantId &&
        (query.includeArchived || !view.archived) &&
        (!query.issuerId || view.issuerId === query.issuerId),
    );
  }
}

import { ACHIEVEMENT_ERROR_CODES, AchievementError } from '@credstream/issuance/domain';
import type { AchievementListQuery, AchievementReadModel } from '../achievement-read-model.port';
import type { AchievementRepository } from '../achievement-repository';
import type { AchievementRevisionView, AchievementView } from '../achievement-view';

/** Reads of achievements: one from its stream (always current), lists from the read model. */
export class AchievementQueries {
  constructor(
    private readonly repository: AchievementRepository,
    private readonly readModel: AchievementReadModel,
  ) {}

  async get(tenantId: string, achievementId: string): Promise<AchievementView> {
    return (await this.repository.load(tenantId, achievementId)).view;
  }

  list(tenantId: string, query: AchievementListQuery = {}): Promise<AchievementView[]> {
    return this.readModel.listForTenant(tenantId, query);
  }

  revisions(tenantId: string, achievementId: string): Promise<AchievementRevisionView[]> {
    return this.repository.revisions(tenantId, achievementId);
  }

  async revision(tenantId: string, achievementId: string, revision: number): Promise<AchievementRevisionView> {
    const found = (await this.repository.revisions(tenantId, achievementId)).find((r) => r.revision === revision);
    if (!found) {
      throw new AchievementError(
        ACHIEVEMENT_ERROR_CODES.notFound,
        `achievement ${achievementId} has no revision ${revision}`,
        { field: 'revision' },
      );
    }
    return found;
  }
}

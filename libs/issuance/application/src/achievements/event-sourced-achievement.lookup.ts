import { DomainError } from '@credstream/event-sourcing';
import { ACHIEVEMENT_ERROR_CODES } from '@credstream/issuance/domain';
import type { AchievementLookup, AchievementRevision } from './achievement-lookup.port';
import type { AchievementRepository } from './achievement-repository';

/** The current revision from the achievement's stream. */
export class EventSourcedAchievementLookup implements AchievementLookup {
  constructor(private readonly repository: AchievementRepository) {}

  async find(tenantId: string, achievementId: string): Promise<AchievementRevision | undefined> {
    try {
      const { state } = await this.repository.load(tenantId, achievementId);
      const { issuerId, revision, archived, definition } = state;
      return { achievementId, tenantId, issuerId, revision, archived, definition };
    } catch (error) {
      if (error instanceof DomainError && error.code === ACHIEVEMENT_ERROR_CODES.notFound) return undefined;
      throw error;
    }
  }
}

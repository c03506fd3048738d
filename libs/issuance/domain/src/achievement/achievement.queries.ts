import { ACHIEVEMENT_ERROR_CODES as CODES, AchievementError } from './achievement.errors';
import type { AchievementDefinition } from './achievement.events';
import type { AchievementState } from './achievement.state';

export type AwardableAchievement = AchievementState & { achievementId: string; definition: AchievementDefinition };

/**
 * The achievement as it can be awarded now; throws ACHIEVEMENT_NOT_FOUND or ACHIEVEMENT_ARCHIVED. The issue
 * handler calls it before building a credential, and passes the outcome to the credential command.
 */
export function requireAwardable(state: AchievementState): AwardableAchievement {
  if (state.achievementId === undefined || state.definition === undefined) {
    throw new AchievementError(CODES.notFound, 'the achievement does not exist');
  }
  if (state.archived) {
    throw new AchievementError(CODES.archived, `achievement ${state.achievementId} is archived`, {
      achievementId: state.achievementId,
    });
  }
  return state as AwardableAchievement;
}

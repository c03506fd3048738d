import type { AchievementDefinition } from './achievement.events';

export interface AchievementState {
  /** Undefined until the achievement is created. */
  achievementId?: string;
  tenantId: string;
  issuerId: string;
  revision: number;
  definition?: AchievementDefinition;
  archived: boolean;
}

import type { AchievementDefinition } from '@credstream/issuance/domain';

/** An achievement's current revision as issuing needs it. */
export interface AchievementRevision {
  achievementId: string;
  tenantId: string;
  issuerId: string;
  revision: number;
  archived: boolean;
  definition: AchievementDefinition;
}

export interface AchievementLookup {
  /** Undefined when unknown or another tenant's. Archived achievements are returned, flagged. */
  find(tenantId: string, achievementId: string): Promise<AchievementRevision | undefined>;
}

export const ACHIEVEMENT_LOOKUP = Symbol('ACHIEVEMENT_LOOKUP');

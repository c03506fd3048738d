import type { AchievementDefinition } from '@credstream/issuance/domain';

/** An achievement's current revision as the API shows it. */
export type AchievementView = {
  achievementId: string;
  tenantId: string;
  /** The issuer profile that created it (OB 3.0 `creator`). */
  issuerId: string;
  revision: number;
  archived: boolean;
  /** Stream version: the ETag. */
  version: number;
  createdAt: string;
  updatedAt: string;
} & AchievementDefinition;

/** One past or current revision of the definition. */
export type AchievementRevisionView = {
  achievementId: string;
  issuerId: string;
  revision: number;
  definedAt: string;
} & AchievementDefinition;

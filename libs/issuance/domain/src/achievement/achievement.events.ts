import type { DomainEvent } from '@credstream/event-sourcing';

export interface AchievementCriteria {
  narrative?: string;
  /** URL of a page describing the criteria. */
  id?: string;
}

/** Alignment to a skill framework entry (ESCO, O*NET...). */
export interface AchievementAlignment {
  targetName: string;
  targetUrl: string;
  targetCode?: string;
  targetFramework?: string;
  targetDescription?: string;
}

/** OB 3.0 ResultDescription: a result the achievement reports (grade, level...). */
export interface ResultDescription {
  id: string;
  name: string;
  resultType: string;
  allowedValues?: string[];
  requiredValue?: string;
  valueMin?: string;
  valueMax?: string;
}

/** The full definition of one revision (a revision replaces it wholesale). */
export interface AchievementDefinition {
  name: string;
  description: string;
  criteria: AchievementCriteria;
  achievementType?: string;
  imageUrl?: string;
  tags?: string[];
  alignments?: AchievementAlignment[];
  resultDescriptions?: ResultDescription[];
  creditsAvailable?: number;
}

export type AchievementDefinedData = {
  achievementId: string;
  /** The issuer profile that created it (OB 3.0 `creator`). */
  issuerId: string;
  tenantId: string;
  revision: number;
} & AchievementDefinition;

export type AchievementEvent =
  | DomainEvent<'achievement.created.v1', AchievementDefinedData>
  | DomainEvent<'achievement.revised.v1', AchievementDefinedData>
  | DomainEvent<'achievement.archived.v1', { achievementId: string }>;

import type { DomainCommand } from '@credstream/event-sourcing';
import type { AchievementDefinition } from './achievement.events';

export type CreateAchievement = DomainCommand<
  'create-achievement',
  { achievementId: string; tenantId: string; issuerId: string; definition: AchievementDefinition }
>;

/** A new revision with the full new definition; credentials keep the revision they were issued from. */
export type ReviseAchievement = DomainCommand<'revise-achievement', { definition: AchievementDefinition }>;

/** No more awards; credentials issued already stay valid. */
export type ArchiveAchievement = DomainCommand<'archive-achievement', Record<string, never>>;

export type AchievementCommand = CreateAchievement | ReviseAchievement | ArchiveAchievement;

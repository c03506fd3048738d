import type { AchievementView } from './achievement-view';

export interface AchievementListQuery {
  issuerId?: string;
  /** Archived achievements are left out unless asked for. */
  includeArchived?: boolean;
}

/** Achievements listed per tenant; written on the write path, version-checked. Single reads use the stream. */
export interface AchievementReadModel {
  save(view: AchievementView): Promise<void>;
  /** Oldest first. */
  listForTenant(tenantId: string, query?: AchievementListQuery): Promise<AchievementView[]>;
}

export const ACHIEVEMENT_READ_MODEL = Symbol('ACHIEVEMENT_READ_MODEL');

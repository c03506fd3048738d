export const ACHIEVEMENT_AGGREGATE = 'achievement';
export const achievementStreamId = (achievementId: string): string => `achievement-${achievementId}`;

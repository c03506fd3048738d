import type { Achievement, Profile } from '@credstream/open-badges';
import type { AchievementDefinition } from '@credstream/issuance/domain';

/** The OB 3.0 `id` of an achievement: a URN, stable across revisions (the revision goes in `version`). */
export const achievementUri = (achievementId: string): string => `urn:uuid:${achievementId}`;

/** An achievement revision as the OB 3.0 Achievement embedded in credentials, `creator` being its issuer. */
export function ob3Achievement(
  input: { achievementId: string; revision: number; definition: AchievementDefinition },
  creator?: Profile,
): Achievement {
  const d = input.definition;
  const achievement: Achievement = {
    id: achievementUri(input.achievementId),
    type: ['Achievement'],
    name: d.name,
    description: d.description,
    criteria: { ...d.criteria },
  };
  if (d.achievementType) achievement.achievementType = d.achievementType;
  if (d.imageUrl) achievement.image = { id: d.imageUrl, type: 'Image' };
  if (d.alignments) achievement.alignment = d.alignments.map((a) => ({ type: ['Alignment'], ...a }));
  if (d.tags) achievement.tag = [...d.tags];
  if (d.resultDescriptions) {
    achievement.resultDescription = d.resultDescriptions.map((r) => ({ type: ['ResultDescription'], ...r }));
  }
  if (d.creditsAvailable !== undefined) achievement['creditsAvailable'] = d.creditsAvailable;
  if (creator) achievement.creator = creator;
  achievement.version = String(input.revision);
  return achievement;
}

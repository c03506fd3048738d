import type { AchievementReadModel } from './achievement-read-model.port';
import type { AchievementRepository } from './achievement-repository';
import type { AchievementView } from './achievement-view';

/** After a write: the achievement as it now is, saved to the list read model. */
export async function refreshAchievement(
  repository: AchievementRepository,
  readModel: AchievementReadModel,
  tenantId: string,
  achievementId: string,
): Promise<AchievementView> {
  const { view } = await repository.load(tenantId, achievementId);
  await readModel.save(view);
  return view;
}

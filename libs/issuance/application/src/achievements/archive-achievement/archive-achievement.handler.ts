import type { EventStore } from '@credstream/event-store';
import { achievementDecider } from '@credstream/issuance/domain';
import type { CommandContext } from '../../common/command-context';
import { executeCommand } from '../../common/execute-command';
import type { AchievementReadModel } from '../achievement-read-model.port';
import { assertAchievementOwnedBy, type AchievementRepository } from '../achievement-repository';
import { ACHIEVEMENT_AGGREGATE, achievementStreamId } from '../achievement-stream';
import type { AchievementView } from '../achievement-view';
import { refreshAchievement } from '../achievement-writes';

/** No more awards of the achievement; credentials issued already stay valid. Archiving twice is a 409. */
export class ArchiveAchievementHandler {
  constructor(
    private readonly store: EventStore,
    private readonly repository: AchievementRepository,
    private readonly readModel: AchievementReadModel,
  ) {}

  async execute(achievementId: string, context: CommandContext, expectedVersion?: number): Promise<AchievementView> {
    await executeCommand(this.store, {
      streamId: achievementStreamId(achievementId),
      aggregateType: ACHIEVEMENT_AGGREGATE,
      decider: achievementDecider,
      command: (state) => {
        assertAchievementOwnedBy(state, context.tenantId, achievementId);
        return { type: 'archive-achievement' as const, data: {} };
      },
      context,
      expectedVersion,
    });
    return refreshAchievement(this.repository, this.readModel, context.tenantId, achievementId);
  }
}

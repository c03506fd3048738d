import { randomUUID } from 'node:crypto';
import type { EventStore } from '@credstream/event-store';
import { achievementDecider, type AchievementDefinition } from '@credstream/issuance/domain';
import { appendMetadata, type CommandContext } from '../../common/command-context';
import type { IssuerRepository } from '../../issuers/issuer-repository';
import type { AchievementReadModel } from '../achievement-read-model.port';
import type { AchievementRepository } from '../achievement-repository';
import { ACHIEVEMENT_AGGREGATE, achievementStreamId } from '../achievement-stream';
import type { AchievementView } from '../achievement-view';
import { refreshAchievement } from '../achievement-writes';

/** Defines an achievement (revision 1) awarded by one of the tenant's issuers. */
export class CreateAchievementHandler {
  constructor(
    private readonly store: EventStore,
    private readonly issuers: IssuerRepository,
    private readonly repository: AchievementRepository,
    private readonly readModel: AchievementReadModel,
  ) {}

  async execute(
    command: { issuerId: string; definition: AchievementDefinition },
    context: CommandContext,
  ): Promise<AchievementView> {
    await this.issuers.load(context.tenantId, command.issuerId);
    const achievementId = randomUUID();
    const events = achievementDecider.decide(
      {
        type: 'create-achievement',
        data: { achievementId, tenantId: context.tenantId, issuerId: command.issuerId, definition: command.definition },
      },
      achievementDecider.initialState(),
    );
    const streamId = achievementStreamId(achievementId);
    await this.store.append(streamId, 'no-stream', events, appendMetadata(context, ACHIEVEMENT_AGGREGATE, streamId));
    return refreshAchievement(this.repository, this.readModel, context.tenantId, achievementId);
  }
}

import type { EventEnvelope } from '@credstream/contracts';
import type { EventStore } from '@credstream/event-store';
import {
  achievementDecider,
  ACHIEVEMENT_ERROR_CODES,
  AchievementError,
  type AchievementDefinedData,
  type AchievementEvent,
  type AchievementState,
} from '@credstream/issuance/domain';
import { streamTimes } from '../common/stream-times';
import { achievementStreamId } from './achievement-stream';
import type { AchievementRevisionView, AchievementView } from './achievement-view';

export type ExistingAchievementState = AchievementState & {
  achievementId: string;
  definition: NonNullable<AchievementState['definition']>;
};

export interface LoadedAchievement {
  state: ExistingAchievementState;
  version: number;
  view: AchievementView;
  events: EventEnvelope[];
}

/** Reads an achievement from its stream, as seen by one tenant: another tenant's is ACHIEVEMENT_NOT_FOUND. */
export class AchievementRepository {
  constructor(private readonly store: EventStore) {}

  async load(tenantId: string, achievementId: string): Promise<LoadedAchievement> {
    const events = await this.store.readStream(achievementStreamId(achievementId));
    const state = events.reduce(
      (current, event) => achievementDecider.evolve(current, event as unknown as AchievementEvent),
      achievementDecider.initialState(),
    );
    assertAchievementOwnedBy(state, tenantId, achievementId);
    const { version, createdAt, updatedAt } = streamTimes(events);
    const { achievementId: id, issuerId, revision, archived, definition } = state;
    const view: AchievementView = {
      achievementId: id,
      tenantId,
      issuerId,
      revision,
      archived,
      ...definition,
      version,
      createdAt,
      updatedAt,
    };
    return { state, version, view, events };
  }

  async revisions(tenantId: string, achievementId: string): Promise<AchievementRevisionView[]> {
    const { events } = await this.load(tenantId, achievementId);
    return events
      .filter((event) => event.type === 'achievement.created.v1' || event.type === 'achievement.revised.v1')
      .map((event) => {
        const { tenantId: _tenantId, ...data } = event.data as AchievementDefinedData;
        return { ...data, definedAt: event.occurredAt };
      });
  }
}

export function assertAchievementOwnedBy(
  state: AchievementState,
  tenantId: string,
  achievementId: string,
): asserts state is ExistingAchievementState {
  if (state.achievementId === undefined || state.definition === undefined || state.tenantId !== tenantId) {
    throw new AchievementError(ACHIEVEMENT_ERROR_CODES.notFound, `achievement ${achievementId} does not exist`, {
      field: 'achievementId',
    });
  }
}

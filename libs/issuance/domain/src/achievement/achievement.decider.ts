import type { Decider } from '@credstream/event-sourcing';
import { isUuid } from '../common/domain-guards';
import { sameValue } from '../common/same-value';
import { normalizeAchievementDefinition } from './achievement-definition.policy';
import type { AchievementCommand, CreateAchievement } from './achievement.commands';
import { ACHIEVEMENT_ERROR_CODES as CODES, AchievementError } from './achievement.errors';
import type { AchievementEvent } from './achievement.events';
import { requireAwardable } from './achievement.queries';
import type { AchievementState } from './achievement.state';

export const achievementDecider: Decider<AchievementCommand, AchievementEvent, AchievementState> = {
  initialState: () => ({ tenantId: '', issuerId: '', revision: 0, archived: false }),

  decide(command, state) {
    switch (command.type) {
      case 'create-achievement':
        return create(command.data, state);
      case 'revise-achievement': {
        const achievement = requireAwardable(state);
        const definition = normalizeAchievementDefinition(command.data.definition);
        // A retried revision (same definition) must not mint another revision number.
        if (sameValue(definition, achievement.definition)) return [];
        const { achievementId, issuerId, tenantId } = achievement;
        const revision = achievement.revision + 1;
        return [
          { type: 'achievement.revised.v1', data: { achievementId, issuerId, tenantId, revision, ...definition } },
        ];
      }
      case 'archive-achievement':
        return [{ type: 'achievement.archived.v1', data: { achievementId: requireAwardable(state).achievementId } }];
      default: {
        const _exhaustive: never = command;
        throw new Error(`unknown achievement command ${JSON.stringify(_exhaustive)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'achievement.created.v1':
      case 'achievement.revised.v1': {
        const { achievementId, issuerId, tenantId, revision, ...definition } = event.data;
        return { ...state, achievementId, issuerId, tenantId, revision, definition };
      }
      case 'achievement.archived.v1':
        return { ...state, archived: true };
      default: {
        const _exhaustive: never = event;
        throw new Error(`unknown achievement event ${JSON.stringify(_exhaustive)}`);
      }
    }
  },
};

function create(data: CreateAchievement['data'], state: AchievementState): AchievementEvent[] {
  if (state.achievementId !== undefined) {
    throw new AchievementError(CODES.alreadyExists, `achievement ${state.achievementId} exists`);
  }
  for (const field of ['achievementId', 'issuerId'] as const) {
    if (!isUuid(data[field])) throw new AchievementError(CODES.idInvalid, `${field} must be a UUID`, { field });
  }
  const definition = normalizeAchievementDefinition(data.definition);
  const { achievementId, issuerId, tenantId } = data;
  return [{ type: 'achievement.created.v1', data: { achievementId, issuerId, tenantId, revision: 1, ...definition } }];
}

import type { Decider } from '@credstream/event-sourcing';
import { isBlank, isTimestamp, isUuid } from '../common/domain-guards';
import { omitUndefined } from '../common/omit-undefined';
import type { IssuanceRuleCommand } from './issuance-rule.commands';
import { ISSUANCE_RULE_ERROR_CODES as CODES, IssuanceRuleError } from './issuance-rule.errors';
import type { GradeCondition, IssuanceRuleDefinedData, IssuanceRuleEvent } from './issuance-rule.events';
import type { IssuanceRuleState } from './issuance-rule.state';

// Same rule as the envelope's `source` for partner events (docs/events.md).
const PARTNER_SOURCE = /^partner:[A-Za-z0-9._-]+$/;

export const issuanceRuleDecider: Decider<IssuanceRuleCommand, IssuanceRuleEvent, IssuanceRuleState> = {
  initialState: () => ({ enabled: false }),

  decide(command, state) {
    switch (command.type) {
      case 'define-issuance-rule':
        if (state.rule) throw new IssuanceRuleError(CODES.alreadyExists, `rule ${state.rule.ruleId} exists`);
        return [{ type: 'issuance-rule.defined', data: definition(command.data) }];
      case 'disable-issuance-rule': {
        if (!state.rule) throw new IssuanceRuleError(CODES.notFound, 'the issuance rule does not exist');
        if (!state.enabled) throw new IssuanceRuleError(CODES.alreadyDisabled, 'the issuance rule is already disabled');
        if (!isTimestamp(command.data.disabledAt)) {
          throw new IssuanceRuleError(CODES.timestampInvalid, 'disabledAt must be ISO-8601', { field: 'disabledAt' });
        }
        return [
          { type: 'issuance-rule.disabled', data: { ruleId: state.rule.ruleId, disabledAt: command.data.disabledAt } },
        ];
      }
      default: {
        const _exhaustive: never = command;
        throw new Error(`unknown issuance rule command ${JSON.stringify(_exhaustive)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'issuance-rule.defined':
        return { rule: event.data, enabled: true };
      case 'issuance-rule.disabled':
        return { ...state, enabled: false };
      default: {
        const _exhaustive: never = event;
        throw new Error(`unknown issuance rule event ${JSON.stringify(_exhaustive)}`);
      }
    }
  },
};

function definition(data: IssuanceRuleDefinedData): IssuanceRuleDefinedData {
  for (const field of ['ruleId', 'achievementId', 'issuerId'] as const) {
    if (!isUuid(data[field])) throw new IssuanceRuleError(CODES.idInvalid, `${field} must be a UUID`, { field });
  }
  if (isBlank(data.partnerCourseId)) {
    throw new IssuanceRuleError(CODES.courseRequired, 'a rule needs the partner course id', {
      field: 'partnerCourseId',
    });
  }
  if (data.partnerSource !== undefined && !PARTNER_SOURCE.test(data.partnerSource)) {
    throw new IssuanceRuleError(CODES.partnerSourceInvalid, 'partnerSource must be partner:<system-id>', {
      field: 'partnerSource',
    });
  }
  return omitUndefined({
    ruleId: data.ruleId,
    tenantId: data.tenantId,
    partnerCourseId: data.partnerCourseId.trim(),
    partnerSource: data.partnerSource,
    condition: data.condition && condition(data.condition),
    achievementId: data.achievementId,
    issuerId: data.issuerId,
  });
}

function condition(value: GradeCondition): GradeCondition {
  if (value.kind === 'minimum-score') {
    if (Number.isFinite(value.minimum) && value.minimum >= 0) return { kind: 'minimum-score', minimum: value.minimum };
  } else if (value.kind === 'accepted-grades') {
    const grades = [
      ...new Set(value.grades.map((grade) => grade.trim().toUpperCase()).filter((grade) => grade !== '')),
    ];
    if (grades.length > 0) return { kind: 'accepted-grades', grades };
  }
  throw new IssuanceRuleError(CODES.conditionInvalid, 'a minimum score ≥ 0 or at least one accepted grade', {
    field: 'condition',
  });
}

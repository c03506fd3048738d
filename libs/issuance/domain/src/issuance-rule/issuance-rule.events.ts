import type { DomainEvent } from '@credstream/event-sourcing';

/** Optional grade condition: a numeric minimum ("87", "87.5 %") or a list of accepted grades ("A", "B"). */
export type GradeCondition = { kind: 'minimum-score'; minimum: number } | { kind: 'accepted-grades'; grades: string[] };

export interface IssuanceRuleDefinedData {
  ruleId: string;
  tenantId: string;
  /** Course or programme id in the partner LMS (`course.id` of learning.completed.v1). */
  partnerCourseId: string;
  /** Only completions from this partner system (`partner:<id>` source) when set. */
  partnerSource?: string;
  condition?: GradeCondition;
  achievementId: string;
  issuerId: string;
}

/** Internal events. */
export type IssuanceRuleEvent =
  | DomainEvent<'issuance-rule.defined', IssuanceRuleDefinedData>
  | DomainEvent<'issuance-rule.disabled', { ruleId: string; disabledAt: string }>;

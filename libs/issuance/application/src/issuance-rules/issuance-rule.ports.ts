import type { IssuanceRuleDefinedData } from '@credstream/issuance/domain';

export interface IssuanceRuleView extends IssuanceRuleDefinedData {
  enabled: boolean;
}

/** Rules as the completion consumer looks them up: by tenant and partner course (top-level equality). */
export interface IssuanceRuleRepository {
  save(rule: IssuanceRuleView): Promise<void>;
  disable(ruleId: string): Promise<void>;
  get(ruleId: string): Promise<IssuanceRuleView | undefined>;
  list(tenantId: string): Promise<IssuanceRuleView[]>;
  enabledForCourse(tenantId: string, partnerCourseId: string): Promise<IssuanceRuleView[]>;
}

export const ISSUANCE_RULE_REPOSITORY = Symbol('ISSUANCE_RULE_REPOSITORY');

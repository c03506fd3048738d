import type { IssuanceRuleDefinedData } from './issuance-rule.events';

export interface IssuanceRuleState {
  /** Undefined until the rule is defined. */
  rule?: IssuanceRuleDefinedData;
  enabled: boolean;
}

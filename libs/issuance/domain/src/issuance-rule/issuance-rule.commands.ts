import type { DomainCommand } from '@credstream/event-sourcing';
import type { IssuanceRuleDefinedData } from './issuance-rule.events';

export type DefineIssuanceRule = DomainCommand<'define-issuance-rule', IssuanceRuleDefinedData>;
export type DisableIssuanceRule = DomainCommand<'disable-issuance-rule', { disabledAt: string }>;

export type IssuanceRuleCommand = DefineIssuanceRule | DisableIssuanceRule;

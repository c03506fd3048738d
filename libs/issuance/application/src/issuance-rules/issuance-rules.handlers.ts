import { randomUUID } from 'node:crypto';
import type { EventStore } from '@credstream/event-store';
import {
  issuanceRuleDecider,
  ISSUANCE_RULE_ERROR_CODES,
  IssuanceRuleError,
  matchCompletion,
  type GradeCondition,
  type IssuanceRuleState,
  type LearningCompletedData,
} from '@credstream/issuance/domain';
import type { CredentialIssuer } from '../credentials/issue/credential-issuer';
import type { IssueContextResolver } from '../credentials/issue/issue-context.resolver';
import { IssuanceRequestError } from '../credentials/issuance-request.error';
import type { IssuanceRuleRepository, IssuanceRuleView } from './issuance-rule.ports';

export interface DefineRuleRequest {
  tenantId: string;
  partnerCourseId: string;
  partnerSource?: string;
  condition?: GradeCondition;
  achievementId: string;
  issuerId?: string;
  correlationId: string;
}

const ruleStreamId = (ruleId: string) => `issuance-rule-${ruleId}`;

/** Tenant rules: "a completion of course X (grade ≥ Y) earns achievement Z". */
export class IssuanceRulesService {
  constructor(
    private readonly store: EventStore,
    private readonly rules: IssuanceRuleRepository,
    private readonly contexts: IssueContextResolver,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async define(request: DefineRuleRequest): Promise<IssuanceRuleView> {
    // Checks the achievement and its issuer belong to the tenant and can issue now.
    const context = await this.contexts.resolve({ ...request, trigger: { kind: 'partner' } });
    const ruleId = randomUUID();
    const result = await this.store.handle(
      ruleStreamId(ruleId),
      issuanceRuleDecider,
      {
        type: 'define-issuance-rule',
        data: {
          ruleId,
          tenantId: request.tenantId,
          partnerCourseId: request.partnerCourseId ?? '',
          partnerSource: request.partnerSource,
          condition: request.condition,
          achievementId: context.achievement.achievementId,
          issuerId: context.issuer.issuerId,
        },
      },
      this.metadata(request.tenantId, ruleId, request.correlationId),
    );
    const { rule } = result.state;
    if (!rule) throw new Error(`rule ${ruleId} was not defined`);
    const view = { ...rule, enabled: true };
    await this.rules.save(view);
    return view;
  }

  async disable(tenantId: string, ruleId: string, correlationId: string): Promise<IssuanceRuleView> {
    const rule = await this.owned(tenantId, ruleId);
    await this.store.handle(
      ruleStreamId(ruleId),
      issuanceRuleDecider,
      { type: 'disable-issuance-rule', data: { disabledAt: this.clock().toISOString() } },
      this.metadata(tenantId, ruleId, correlationId),
    );
    await this.rules.disable(ruleId);
    return { ...rule, enabled: false };
  }

  list(tenantId: string): Promise<IssuanceRuleView[]> {
    return this.rules.list(tenantId);
  }

  async get(tenantId: string, ruleId: string): Promise<IssuanceRuleView> {
    return this.owned(tenantId, ruleId);
  }

  private async owned(tenantId: string, ruleId: string): Promise<IssuanceRuleView> {
    const rule = await this.rules.get(ruleId);
    if (!rule || rule.tenantId !== tenantId) {
      throw new IssuanceRuleError(ISSUANCE_RULE_ERROR_CODES.notFound, 'the issuance rule does not exist');
    }
    return rule;
  }

  private metadata(tenantId: string, ruleId: string, correlationId: string) {
    return {
      tenantId,
      correlationId,
      causationId: null,
      source: 'issuance',
      aggregateType: 'issuance-rule',
      aggregateId: ruleId,
    };
  }
}

export interface PartnerCompletionEvent {
  id: string;
  tenantId: string;
  source: string;
  correlationId: string;
  data: LearningCompletedData;
}

export type CompletionResult = { ruleId: string; outcome: 'issued' | 'skipped' | 'not-matched'; credentialId?: string };

/**
 * learning.completed.v1 → credentials. Each matching rule issues the credential whose id derives from
 * (rule, learner, course): a redelivered or repeated completion finds it claimed and issues nothing.
 * Refusals (bad learner email, archived achievement) throw domain errors: the consumer dead-letters them.
 */
export class PartnerCompletionHandler {
  constructor(
    private readonly rules: IssuanceRuleRepository,
    private readonly contexts: IssueContextResolver,
    private readonly issuer: CredentialIssuer,
  ) {}

  async handle(event: PartnerCompletionEvent): Promise<CompletionResult[]> {
    const rules = await this.rules.enabledForCourse(event.tenantId, event.data.course.id.trim());
    const results: CompletionResult[] = [];
    for (const rule of rules) {
      const state: IssuanceRuleState = { rule, enabled: rule.enabled };
      const match = matchCompletion(state, { tenantId: event.tenantId, source: event.source, data: event.data });
      if (!match.matches) {
        results.push({ ruleId: rule.ruleId, outcome: 'not-matched' });
        continue;
      }
      const context = await this.contexts.resolve({
        tenantId: event.tenantId,
        achievementId: rule.achievementId,
        issuerId: rule.issuerId,
        trigger: { kind: 'partner', reference: event.id },
        correlationId: event.correlationId,
        causationId: event.id,
      });
      const outcome = await this.issuer.issueOne(context, {
        row: 0,
        credentialId: match.credentialId,
        recipient: { email: event.data.learner.email },
        recipientName: event.data.learner.name,
        cohort: event.data.cohort,
      });
      if (outcome.outcome === 'failed') {
        throw new IssuanceRequestError(outcome.code, outcome.reason, { field: outcome.field, kind: 'invalid' });
      }
      results.push({ ruleId: rule.ruleId, outcome: outcome.outcome, credentialId: match.credentialId });
    }
    return results;
  }
}

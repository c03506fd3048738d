import { randomUUID } from 'node:crypto';
import type { EventStore } from '@credstream/event-store';
import {
  issuanceRuleDecider,
  ISSUANCE_RULE_ERROR_CODES,
  IssuanceRuleError,
  matchCompletion,
  type GradeCondition,
  type LearningCompletedData,
} from '@credstream/issuance/domain';
import { DomainError } from '@credstream/event-sourcing';
import type {
  CredentialIssuer,
  IssueCause,
  IssueContext,
  IssueOutcome,
  IssueRow,
} from '../credentials/issue/credential-issuer';
import type { IssueContextResolver } from '../credentials/issue/issue-context.resolver';
import { IssuanceRequestError } from '../credentials/issuance-request.error';
import type { StatusEntryAllocator } from '../status-lists/status-entry-allocator.port';
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

/** A completion with the trace context of its delivery (its credentials' events continue that trace). */
export interface TracedCompletion {
  event: PartnerCompletionEvent;
  trace?: IssueCause['trace'];
}

export type CompletionResult = { ruleId: string; outcome: 'issued' | 'skipped' | 'not-matched'; credentialId?: string };

/** Per completion (by index) its results, or the error it failed with (nothing it caused was half-issued). */
export interface CompletionBatchOutcome {
  results: CompletionResult[][];
  failures: { index: number; error: unknown }[];
}

/** Status entries a partner consumer allocates ahead per issuer and purpose. */
export const PARTNER_STATUS_PREFETCH = 1_000;

interface RuleWork {
  rule: IssuanceRuleView;
  items: { index: number; row: IssueRow }[];
}

/**
 * learning.completed.v1 → credentials. Each matching rule issues the credential whose id derives from
 * (rule, learner, course): a redelivered or repeated completion finds it claimed and issues nothing.
 * A batch of completions issues the credentials of all its rules together (one claim, one commit per tenant),
 * each credential's event caused by its own completion. Refusals (bad learner email, archived achievement) are domain
 * errors of that completion: the consumer dead-letters it. Other errors fail the whole call (it is retried).
 */
export class PartnerCompletionHandler {
  /**
   * Status entries are allocated ahead, per issuer and purpose, a chunk at a time (one allocation event per chunk
   * rather than per batch). Entries still in hand when the process stops are never used: an index is never
   * reused, so that costs list capacity only (at most one chunk per issuer and purpose per process start).
   */
  private readonly statusEntries: StatusEntryAllocator;

  constructor(
    private readonly rules: IssuanceRuleRepository,
    private readonly contexts: IssueContextResolver,
    private readonly issuer: CredentialIssuer,
    statusPrefetch = PARTNER_STATUS_PREFETCH,
  ) {
    this.statusEntries = issuer.prefetchingAllocator(statusPrefetch, Number.POSITIVE_INFINITY);
  }

  async handle(event: PartnerCompletionEvent): Promise<CompletionResult[]> {
    const { results, failures } = await this.handleBatch([{ event }]);
    if (failures[0]) throw failures[0].error;
    return results[0];
  }

  async handleBatch(completions: readonly TracedCompletion[]): Promise<CompletionBatchOutcome> {
    const results: CompletionResult[][] = completions.map(() => []);
    const failures = new Map<number, unknown>();
    const work = [...(await this.matchAll(completions, results, failures)).values()];
    const resolved = await this.contextsFor(work, failures);
    const ready = work.flatMap((rule, i) => {
      const context = resolved[i];
      return context ? [{ ...rule, context, rows: distinctRows(rule) }] : [];
    });
    if (ready.length === 0) return outcome(results, failures);
    // Every rule's credentials in one claim and one commit per tenant.
    const issued = await this.issuer.issueRecovering(ready.map(({ context, rows }) => ({ context, rows })));
    ready.forEach((rule, i) => this.record(rule, issued[i], results, failures));
    return outcome(results, failures);
  }

  /** A rule's outcomes as its completions' results, or failures for the rows it refused. */
  private record(
    { rule, items, rows }: RuleWork & { rows: IssueRow[] },
    issued: IssueOutcome[],
    results: CompletionResult[][],
    failures: Map<number, unknown>,
  ): void {
    const byId = new Map(rows.map((row, position) => [row.credentialId, issued[position]]));
    const counted = new Set<string>();
    for (const { index, row } of items) {
      const result = byId.get(row.credentialId);
      if (!result) throw new Error(`completion ${index} got no outcome`);
      if (result.outcome === 'failed') {
        const { code, reason, field } = result;
        failures.set(index, new IssuanceRequestError(code, reason, { field, kind: 'invalid' }));
        continue;
      }
      // The same completion twice in one batch: the first issues, the repeat is skipped like a redelivery.
      const repeat = counted.has(row.credentialId);
      counted.add(row.credentialId);
      results[index].push({
        ruleId: rule.ruleId,
        outcome: repeat ? 'skipped' : result.outcome,
        credentialId: row.credentialId,
      });
    }
  }

  /** Each rule's achievement and issuer, checked; a refusal (archived, no key) fails the rule's completions. */
  private async contextsFor(work: readonly RuleWork[], failures: Map<number, unknown>) {
    const contexts = await this.contexts.resolveAll(
      work.map(({ rule, items }) => ({
        tenantId: rule.tenantId,
        achievementId: rule.achievementId,
        issuerId: rule.issuerId,
        trigger: { kind: 'partner' as const },
        correlationId: items[0]?.row.cause?.correlationId ?? rule.ruleId,
        causationId: null,
      })),
    );
    return contexts.map((context, i): IssueContext | undefined => {
      if (!(context instanceof Error)) return { ...context, allocator: this.statusEntries };
      if (!(context instanceof DomainError)) throw context;
      for (const { index } of work[i].items) failures.set(index, context);
      return undefined;
    });
  }

  /** Each completion against its tenant's enabled rules for the course: the credentials to issue, by rule. */
  private async matchAll(
    completions: readonly TracedCompletion[],
    results: CompletionResult[][],
    failures: Map<number, unknown>,
  ): Promise<Map<string, RuleWork>> {
    // One lookup per (tenant, course) of the batch, all at once.
    const keyOf = ({ event }: TracedCompletion) => JSON.stringify([event.tenantId, event.data.course.id.trim()]);
    const lookups = new Map<string, Promise<IssuanceRuleView[]>>();
    for (const completion of completions) {
      const key = keyOf(completion);
      const { tenantId, data } = completion.event;
      if (!lookups.has(key)) lookups.set(key, this.rules.enabledForCourse(tenantId, data.course.id.trim()));
    }
    const rulesOf = new Map(await Promise.all([...lookups].map(async ([key, rules]) => [key, await rules] as const)));
    const work = new Map<string, RuleWork>();
    for (const [index, completion] of completions.entries()) {
      const { event, trace } = completion;
      for (const rule of rulesOf.get(keyOf(completion)) ?? []) {
        let match: ReturnType<typeof matchCompletion>;
        try {
          match = matchCompletion(
            { rule, enabled: rule.enabled },
            { tenantId: event.tenantId, source: event.source, data: event.data },
          );
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          failures.set(index, error);
          break;
        }
        if (!match.matches) {
          results[index].push({ ruleId: rule.ruleId, outcome: 'not-matched' });
          continue;
        }
        const entry = work.get(rule.ruleId) ?? { rule, items: [] };
        work.set(rule.ruleId, entry);
        entry.items.push({
          index,
          row: {
            row: 0,
            credentialId: match.credentialId,
            recipient: { email: event.data.learner.email },
            recipientName: event.data.learner.name,
            cohort: event.data.cohort,
            cause: {
              trigger: { kind: 'partner', reference: event.id },
              correlationId: event.correlationId,
              causationId: event.id,
              trace,
            },
          },
        });
      }
    }
    return work;
  }
}

/** A rule's rows without repeats (the same completion twice in one batch). */
function distinctRows({ items }: RuleWork): IssueRow[] {
  const rows = new Map<string, IssueRow>();
  for (const { row } of items) if (!rows.has(row.credentialId)) rows.set(row.credentialId, row);
  return [...rows.values()];
}

function outcome(results: CompletionResult[][], failures: Map<number, unknown>): CompletionBatchOutcome {
  return { results, failures: [...failures].map(([index, error]) => ({ index, error })) };
}

import { randomBytes } from 'node:crypto';
import { DomainError } from '@credstream/event-sourcing';
import {
  credentialDecider,
  CREDENTIAL_ERROR_CODES,
  resolveRecipient,
  type IssuanceTrigger,
  type RecipientInput,
  type StatusEntry,
} from '@credstream/issuance/domain';
import {
  buildOpenBadgeCredential,
  buildStatusListEntry,
  shareAchievement,
  shareProfile,
  type Achievement,
  type Profile,
} from '@credstream/open-badges';
import type { CredentialReadModel, CredentialSummary } from '../ports/credential-read-model.port';
import type { CredentialSchemaCheck, CredentialSigner } from '../ports/credential-signer.port';
import type { IssuableAchievement, IssuerSigningProfile } from '../ports/issuing-directory.port';
import type { NewStreamEntry, NewStreamsWriter } from '../ports/new-streams-writer.port';
import { PrefetchingStatusAllocator } from '../../status-lists/prefetching-status.allocator';
import type { StatusEntryAllocator } from '../../status-lists/status-entry-allocator.port';

/** One credential to issue. The id is deterministic when the caller gave an idempotency key. */
export interface IssueRow {
  /** 1-based row number of a bulk upload (0 for a single request). */
  row: number;
  credentialId: string;
  recipient: { email: string } | { did: string };
  recipientName?: string;
  cohort?: string;
  validUntil?: string;
  /** This credential's own cause, when one batch answers several (a partner event each); default the context's. */
  cause?: IssueCause;
}

/** What caused one credential: its trigger and the event/request ids (and trace) its issued event carries. */
export interface IssueCause {
  trigger: IssuanceTrigger;
  correlationId: string;
  causationId: string | null;
  trace?: { traceparent?: string; tracestate?: string };
}

export type IssueOutcome =
  | { row: number; credentialId: string; outcome: 'issued'; jwt: string; credential: Record<string, unknown> }
  | { row: number; credentialId: string; outcome: 'skipped' }
  | { row: number; credentialId: string; outcome: 'failed'; code: string; field: string; reason: string };

/** Everything shared by the credentials of one request or batch, resolved and checked once. */
export interface IssueContext {
  tenantId: string;
  issuer: IssuerSigningProfile & { activeKey: NonNullable<IssuerSigningProfile['activeKey']> };
  achievement: IssuableAchievement;
  trigger: IssuanceTrigger;
  correlationId: string;
  causationId: string | null;
  jobId?: string;
  /** Replaces the issuer's allocator for this context (a bulk job's prefetching one). */
  allocator?: StatusEntryAllocator;
  /** Shared (serialise-once) parts; made by {@link sharedParts}. */
  shared: { profile: Profile; achievement: Achievement };
}

export interface CredentialIssuerOptions {
  /** Validate every credential against the OB 3.0 schema (default), or only the first of each batch. */
  schemaCheck: 'every' | 'first-of-batch';
}

/** Credentials of one context (achievement, issuer, trigger) to issue together with others. */
export interface IssueGroup {
  context: IssueContext;
  rows: readonly IssueRow[];
}

interface IssueTimes {
  issuedAt: string;
  validFrom: string;
}

interface Candidate {
  row: IssueRow;
  recipient: RecipientInput;
  summary: CredentialSummary;
}

/** Stream reads at once when checking skipped credentials for a claim left without events. */
const EXISTS_CHECKS_AT_ONCE = 16;

/** A credential's stream id is its id: aggregate id, Kafka key and stream id coincide. */
export const credentialStreamId = (credentialId: string): string => credentialId;

export function sharedParts(issuer: IssuerSigningProfile, achievement: IssuableAchievement): IssueContext['shared'] {
  return { profile: shareProfile(issuer.profile), achievement: shareAchievement(achievement.achievement) };
}

/**
 * Issues a batch of credentials: validates each row, claims its id (a claimed id is skipped: idempotency),
 * allocates status entries, builds, signs and schema-checks each credential, decides its issued event, and
 * appends every stream in one write. A row that fails is reported by row and field; the others are issued.
 */
export class CredentialIssuer {
  constructor(
    private readonly readModel: CredentialReadModel,
    private readonly allocator: StatusEntryAllocator,
    private readonly signer: CredentialSigner,
    private readonly schema: CredentialSchemaCheck,
    private readonly writer: NewStreamsWriter,
    private readonly options: CredentialIssuerOptions = { schemaCheck: 'every' },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * One credential (API request, partner completion). A claimed id whose stream has no events was left by a
   * process that stopped between claim and append: it is released and issued now, so a redelivered partner
   * event or a retried request still gets its credential (once).
   */
  async issueOne(context: IssueContext, row: IssueRow): Promise<IssueOutcome> {
    const [[outcome]] = await this.issueRecovering([{ context, rows: [row] }]);
    return outcome;
  }

  /**
   * {@link issueGroups} for credentials that must exist afterwards (partner completions): like {@link issueOne},
   * a skipped id whose stream has no events (a claim left by a stopped process) is released and issued again.
   */
  async issueRecovering(groups: readonly IssueGroup[]): Promise<IssueOutcome[][]> {
    const outcomes = await this.issueGroups(groups);
    const orphaned: { group: number; position: number }[] = [];
    const skipped = outcomes.flatMap((list, group) =>
      list.flatMap((outcome, position) => (outcome.outcome === 'skipped' ? [{ group, position }] : [])),
    );
    const idOf = ({ group, position }: { group: number; position: number }) =>
      groups[group].rows[position].credentialId;
    for (let start = 0; start < skipped.length; start += EXISTS_CHECKS_AT_ONCE) {
      const some = skipped.slice(start, start + EXISTS_CHECKS_AT_ONCE);
      const exists = await Promise.all(some.map((at) => this.writer.exists(credentialStreamId(idOf(at)))));
      orphaned.push(...some.filter((_, i) => !exists[i]));
    }
    if (orphaned.length === 0) return outcomes;
    await this.readModel.release(orphaned.map(idOf));
    const retried = await this.issueGroups(
      groups.map(({ context, rows }, group) => ({
        context,
        rows: orphaned.filter((at) => at.group === group).map((at) => rows[at.position]),
      })),
    );
    const next = groups.map(() => 0);
    for (const at of orphaned) outcomes[at.group][at.position] = retried[at.group][next[at.group]++];
    return outcomes;
  }

  /** An allocator for one job of up to `expected` credentials that allocates `chunk` entries at a time. */
  prefetchingAllocator(chunk: number, expected: number): StatusEntryAllocator {
    return new PrefetchingStatusAllocator(this.allocator, chunk, expected);
  }

  async issueBatch(context: IssueContext, rows: readonly IssueRow[]): Promise<IssueOutcome[]> {
    const [outcomes] = await this.issueGroups([{ context, rows }]);
    return outcomes;
  }

  /**
   * Several batches at once (e.g. the credentials of several rules, answering one batch of partner
   * completions): one claim for all rows, and one append per tenant. Outcomes per group, in row order.
   */
  async issueGroups(groups: readonly IssueGroup[]): Promise<IssueOutcome[][]> {
    const now = this.clock();
    const times = {
      issuedAt: now.toISOString(),
      validFrom: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    };
    const outcomes = new Map<string, IssueOutcome>();
    const prepared = groups.map(({ context, rows }) => ({
      context,
      ...this.candidates(context, rows, times, outcomes),
    }));
    const summaries = prepared.flatMap(({ candidates }) => candidates.map((c) => c.summary));
    const claimed = summaries.length > 0 ? await this.readModel.claim(summaries) : new Set<string>();
    const claims = prepared.map(({ context, candidates }) => {
      for (const { row } of candidates) {
        if (!claimed.has(row.credentialId)) {
          outcomes.set(row.credentialId, { row: row.row, credentialId: row.credentialId, outcome: 'skipped' });
        }
      }
      return { context, toIssue: candidates.filter((c) => claimed.has(c.row.credentialId)) };
    });
    const pending = new Set(claims.flatMap(({ toIssue }) => toIssue.map((c) => c.row.credentialId)));
    if (pending.size > 0) {
      try {
        await this.issueClaimed(claims, times, outcomes, pending);
      } catch (error) {
        await this.readModel.release([...pending]);
        throw error;
      }
    }
    return groups.map(({ rows }, group) =>
      rows.map((row, position) => prepared[group].duplicates.get(position) ?? outcomeOf(outcomes, row)),
    );
  }

  /** Rows checked and summarised for the claim; refused rows get their outcome, repeated ids a duplicate one. */
  private candidates(
    context: IssueContext,
    rows: readonly IssueRow[],
    { issuedAt, validFrom }: IssueTimes,
    outcomes: Map<string, IssueOutcome>,
  ): { candidates: Candidate[]; duplicates: Map<number, IssueOutcome> } {
    const duplicates = new Map<number, IssueOutcome>();
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    for (const [position, row] of rows.entries()) {
      if (seen.has(row.credentialId)) {
        duplicates.set(position, {
          row: row.row,
          credentialId: row.credentialId,
          outcome: 'failed',
          code: 'BULK_ROW_DUPLICATE',
          field: 'idempotencyKey',
          reason: 'another row of the upload has the same idempotency key (or recipient)',
        });
        continue;
      }
      seen.add(row.credentialId);
      try {
        const recipient = recipientInput(row.recipient);
        const { identity } = resolveRecipient(recipient);
        checkValidUntil(row.validUntil, validFrom);
        candidates.push({ row, recipient, summary: summaryOf(context, row, identity, issuedAt, validFrom) });
      } catch (error) {
        outcomes.set(row.credentialId, failed(row, error));
      }
    }
    return { candidates, duplicates };
  }

  /**
   * Builds, signs and decides the claimed credentials, then appends them, one commit per tenant. `pending` keeps
   * the claimed ids not yet stored (released by the caller if this throws); failed rows are released here.
   */
  private async issueClaimed(
    claims: readonly { context: IssueContext; toIssue: Candidate[] }[],
    times: IssueTimes,
    outcomes: Map<string, IssueOutcome>,
    pending: Set<string>,
  ): Promise<void> {
    const byTenant = new Map<string, { context: IssueContext; entries: NewStreamEntry[] }>();
    const failedIds: string[] = [];
    for (const { context, toIssue } of claims) {
      if (toIssue.length === 0) continue;
      const tenant = byTenant.get(context.tenantId) ?? { context, entries: [] };
      byTenant.set(context.tenantId, tenant);
      tenant.entries.push(...(await this.signed(context, toIssue, times, outcomes, failedIds)));
    }
    for (const { context, entries } of byTenant.values()) {
      if (entries.length === 0) continue;
      await this.writer.appendToNewStreams(entries, {
        tenantId: context.tenantId,
        correlationId: context.correlationId,
        causationId: context.causationId,
        source: 'issuance',
        aggregateType: 'credential',
      });
      for (const { streamId } of entries) pending.delete(streamId);
    }
    for (const id of failedIds) pending.delete(id);
    if (failedIds.length > 0) await this.readModel.release(failedIds);
  }

  private async signed(
    context: IssueContext,
    claimed: Candidate[],
    times: IssueTimes,
    outcomes: Map<string, IssueOutcome>,
    failedIds: string[],
  ): Promise<NewStreamEntry[]> {
    const owner = { tenantId: context.tenantId, issuerId: context.issuer.issuerId };
    const allocator = context.allocator ?? this.allocator;
    const revocations = await allocator.allocate(owner, 'revocation', claimed.length);
    const suspensions = await allocator.allocate(owner, 'suspension', claimed.length);
    const built = this.builtCredentials(context, claimed, { revocations, suspensions }, times, outcomes, failedIds);
    const jwts = await this.signedAll(context, built, outcomes, failedIds);
    if (jwts === undefined) return [];
    const entries: NewStreamEntry[] = [];
    for (let i = 0; i < built.length; i++) {
      const { candidate, status, credential } = built[i];
      const { row, recipient } = candidate;
      const jwt = jwts[i];
      try {
        if (this.options.schemaCheck === 'every' || entries.length === 0) this.assertSchemaValid(credential);
        const events = credentialDecider.decide(
          {
            type: 'issue-credential',
            data: {
              credentialId: row.credentialId,
              tenantId: context.tenantId,
              issuer: {
                issuerId: context.issuer.issuerId,
                did: context.issuer.did,
                kid: context.issuer.activeKey.kid,
                keyStatus: context.issuer.activeKey.status,
              },
              achievement: {
                achievementId: context.achievement.achievementId,
                revision: context.achievement.revision,
                archived: context.achievement.archived,
              },
              recipient,
              recipientName: row.recipientName,
              cohort: row.cohort,
              validFrom: times.validFrom,
              validUntil: row.validUntil,
              status,
              issuedAt: times.issuedAt,
              jwt,
              trigger: row.cause?.trigger ?? context.trigger,
            },
          },
          credentialDecider.initialState(),
        );
        entries.push({ streamId: credentialStreamId(row.credentialId), events, cause: causeOf(row) });
        outcomes.set(row.credentialId, {
          row: row.row,
          credentialId: row.credentialId,
          outcome: 'issued',
          jwt,
          credential,
        });
      } catch (error) {
        recordFailure(row, error, outcomes, failedIds);
      }
    }
    return entries;
  }

  /** Each candidate's credential; a row whose credential cannot be built fails alone. */
  private builtCredentials(
    context: IssueContext,
    claimed: Candidate[],
    entries: { revocations: StatusEntry[]; suspensions: StatusEntry[] },
    times: IssueTimes,
    outcomes: Map<string, IssueOutcome>,
    failedIds: string[],
  ): BuiltRow[] {
    const built: BuiltRow[] = [];
    claimed.forEach((candidate, i) => {
      const { row, recipient } = candidate;
      try {
        const status = { revocation: entries.revocations[i], suspension: entries.suspensions[i] };
        built.push({ candidate, status, credential: this.build(context, row, recipient, status, times.validFrom) });
      } catch (error) {
        recordFailure(row, error, outcomes, failedIds);
      }
    });
    return built;
  }

  /** The batch's JWTs, signed in one call; if signing fails, every row of the batch fails with it. */
  private async signedAll(
    context: IssueContext,
    built: BuiltRow[],
    outcomes: Map<string, IssueOutcome>,
    failedIds: string[],
  ): Promise<string[] | undefined> {
    try {
      return await this.signer.signAll(
        built.map(({ credential }) => credential),
        context.issuer.activeKey,
      );
    } catch (error) {
      for (const { candidate } of built) {
        recordFailure(candidate.row, error, outcomes, failedIds);
      }
      return undefined;
    }
  }

  private build(
    context: IssueContext,
    row: IssueRow,
    recipient: RecipientInput,
    status: CredentialStatusEntries,
    validFrom: string,
  ): BuiltCredential {
    const credential = buildOpenBadgeCredential({
      id: row.credentialId,
      issuer: context.shared.profile,
      achievement: context.shared.achievement,
      recipient: recipient.kind === 'email' ? { email: recipient.email, salt: recipient.salt } : { did: recipient.did },
      validFrom,
      validUntil: row.validUntil,
      credentialStatus: buildStatusListEntry({
        statusListCredential: status.revocation.statusListId,
        statusListIndex: status.revocation.index,
        statusPurpose: 'revocation',
      }),
    });
    return credential;
  }

  private assertSchemaValid(credential: unknown): void {
    const problems = this.schema.problems(credential);
    if (problems.length > 0) {
      throw new IssueRowError(
        'CREDENTIAL_SCHEMA_INVALID',
        'credential',
        `not a valid OB 3.0 credential: ${problems[0]}`,
      );
    }
  }
}

/** A credential's entries in its issuer's revocation and suspension lists. */
type CredentialStatusEntries = { revocation: StatusEntry; suspension: StatusEntry };
type BuiltCredential = ReturnType<typeof buildOpenBadgeCredential>;
interface BuiltRow {
  candidate: Candidate;
  status: CredentialStatusEntries;
  credential: BuiltCredential;
}

function causeOf(row: IssueRow): NewStreamEntry['cause'] {
  if (!row.cause) return undefined;
  const { correlationId, causationId, trace } = row.cause;
  return { correlationId, causationId, trace };
}

function outcomeOf(outcomes: Map<string, IssueOutcome>, row: IssueRow): IssueOutcome {
  const outcome = outcomes.get(row.credentialId);
  if (!outcome) throw new Error(`row ${row.row} got no outcome`);
  return outcome;
}

/** A row-level refusal outside the domain's own errors. */
export class IssueRowError extends Error {
  constructor(
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const SALT_BYTES = 12;
/** Random bytes for 1,024 salts at a time: one call to the system's generator instead of one per recipient. */
const SALT_POOL_BYTES = SALT_BYTES * 1_024;
let saltPool = Buffer.alloc(0);
let saltAt = 0;

function nextSalt(): string {
  if (saltAt + SALT_BYTES > saltPool.length) {
    saltPool = randomBytes(SALT_POOL_BYTES);
    saltAt = 0;
  }
  const salt = saltPool.toString('base64url', saltAt, saltAt + SALT_BYTES);
  saltAt += SALT_BYTES;
  return salt;
}

function recipientInput(recipient: IssueRow['recipient']): RecipientInput {
  if ('did' in recipient) return { kind: 'did', did: recipient.did };
  return { kind: 'email', email: recipient.email, salt: nextSalt() };
}

function checkValidUntil(validUntil: string | undefined, validFrom: string): void {
  if (validUntil === undefined) return;
  const until = Date.parse(validUntil);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(validUntil) || Number.isNaN(until)) {
    throw new IssueRowError(CREDENTIAL_ERROR_CODES.timestampInvalid, 'validUntil', 'validUntil must be ISO-8601');
  }
  if (until <= Date.parse(validFrom)) {
    throw new IssueRowError(
      CREDENTIAL_ERROR_CODES.validUntilNotAfterValidFrom,
      'validUntil',
      'validUntil must be in the future',
    );
  }
}

function summaryOf(
  context: IssueContext,
  row: IssueRow,
  identity: ReturnType<typeof resolveRecipient>['identity'],
  issuedAt: string,
  validFrom: string,
): CredentialSummary {
  const summary: CredentialSummary = {
    credentialId: row.credentialId,
    tenantId: context.tenantId,
    issuerId: context.issuer.issuerId,
    achievementId: context.achievement.achievementId,
    achievementRevision: context.achievement.revision,
    recipientHash: identity.identityHash,
    recipientKey: identity.recipientKey,
    status: 'issued',
    issuedAt,
    validFrom,
    validUntil: row.validUntil ?? null,
    trigger: context.trigger.kind,
  };
  if (row.recipientName?.trim()) summary.recipientName = row.recipientName.trim();
  if (context.jobId) summary.jobId = context.jobId;
  return summary;
}

/** The row failed: its outcome says why, and its reserved id is released once the batch is written. */
function recordFailure(row: IssueRow, error: unknown, outcomes: Map<string, IssueOutcome>, failedIds: string[]): void {
  failedIds.push(row.credentialId);
  outcomes.set(row.credentialId, failed(row, error));
}

function failed(row: IssueRow, error: unknown): IssueOutcome {
  if (error instanceof IssueRowError) {
    return {
      row: row.row,
      credentialId: row.credentialId,
      outcome: 'failed',
      code: error.code,
      field: error.field,
      reason: error.message,
    };
  }
  if (error instanceof DomainError) {
    const field = typeof error.details['field'] === 'string' ? error.details['field'] : fieldOfCode(error.code);
    return {
      row: row.row,
      credentialId: row.credentialId,
      outcome: 'failed',
      code: error.code,
      field,
      reason: error.message,
    };
  }
  throw error;
}

function fieldOfCode(code: string): string {
  if (code.startsWith('RECIPIENT_DID')) return 'did';
  if (code.startsWith('RECIPIENT')) return 'email';
  return 'row';
}

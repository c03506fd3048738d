import { randomUUID } from 'node:crypto';
import { normalizeIdentity } from '@credstream/open-badges';
import type { CredentialIssuer, IssueContext, IssueOutcome, IssueRow } from '../credentials/issue/credential-issuer';
import { credentialIdForKey } from '../credentials/issue/issue-credential.handler';
import type { IssueContextResolver } from '../credentials/issue/issue-context.resolver';
import { IssuanceRequestError } from '../credentials/issuance-request.error';
import type { BulkIssuanceSettings, BulkJob, BulkJobProgress, BulkJobRepository } from './bulk-job.ports';
import {
  parseBulkCsv,
  parseBulkJson,
  type BulkRow,
  type BulkRowProblem,
  type ParsedBulkRows,
} from './bulk-rows.parser';

export interface StartBulkJob {
  tenantId: string;
  achievementId: string;
  issuerId?: string;
  correlationId: string;
  upload: { kind: 'csv'; text: string } | { kind: 'json'; value: unknown };
}

export interface BulkJobView extends BulkJob {
  processed: number;
  /** Rows processed per second since the job started. */
  rate: number;
  /** Seconds until done at the current rate; null when finished or not yet measurable. */
  etaSeconds: number | null;
}

const STATUS_PREFETCH = 5_000;
const PROGRESS_INTERVAL_MS = 500;

/**
 * Bulk issuance: the upload is parsed and its achievement/issuer checked up front (4xx on a bad upload), then a
 * job issues the rows in batches in the background, recording progress and per-row problems. Each row's
 * credential id derives from its idempotency key (default: achievement + recipient), so a re-upload skips
 * every row issued before.
 */
export class BulkIssuanceService {
  private readonly running = new Map<string, Promise<void>>();
  /** Jobs of this process asked to stop (other processes' cancels are read from the job document). */
  private readonly cancelled = new Set<string>();

  constructor(
    private readonly contexts: IssueContextResolver,
    private readonly issuer: CredentialIssuer,
    private readonly jobs: BulkJobRepository,
    private readonly settings: BulkIssuanceSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async start(request: StartBulkJob): Promise<BulkJobView> {
    const parsed: ParsedBulkRows =
      request.upload.kind === 'csv'
        ? parseBulkCsv(request.upload.text, this.settings.maxRows)
        : parseBulkJson(request.upload.value, this.settings.maxRows);
    const jobId = randomUUID();
    const context = await this.contexts.resolve({
      tenantId: request.tenantId,
      achievementId: request.achievementId,
      issuerId: request.issuerId,
      trigger: { kind: 'bulk', reference: jobId },
      correlationId: request.correlationId,
      jobId,
    });
    const job: BulkJob = {
      jobId,
      tenantId: request.tenantId,
      issuerId: context.issuer.issuerId,
      achievementId: context.achievement.achievementId,
      status: 'running',
      total: parsed.rows.length + parsed.problems.length,
      issued: 0,
      skipped: 0,
      failed: 0,
      createdAt: this.clock().toISOString(),
      cancelRequested: false,
    };
    await this.jobs.create(job);
    const totals: BulkJobProgress = { issued: 0, skipped: 0, failed: parsed.problems.length };
    if (parsed.problems.length > 0) await this.jobs.recordProgress(jobId, totals, parsed.problems);
    const jobContext = { ...context, allocator: this.issuer.prefetchingAllocator(STATUS_PREFETCH, parsed.rows.length) };
    const run = this.run(job, jobContext, parsed.rows, totals).finally(() => {
      this.running.delete(jobId);
      this.cancelled.delete(jobId);
    });
    this.running.set(jobId, run);
    return this.view({ ...job, ...totals });
  }

  async get(tenantId: string, jobId: string): Promise<BulkJobView> {
    return this.view(await this.owned(tenantId, jobId));
  }

  async problems(tenantId: string, jobId: string, offset: number, limit: number): Promise<BulkRowProblem[]> {
    await this.owned(tenantId, jobId);
    return this.jobs.problems(jobId, offset, limit);
  }

  async cancel(tenantId: string, jobId: string): Promise<BulkJobView> {
    const job = await this.owned(tenantId, jobId);
    if (job.status !== 'running') {
      throw new IssuanceRequestError('BULK_JOB_NOT_RUNNING', `the job is ${job.status}`, { kind: 'conflict' });
    }
    await this.jobs.requestCancel(jobId);
    this.cancelled.add(jobId);
    await this.running.get(jobId);
    return this.get(tenantId, jobId);
  }

  /** Resolves when the job (started by this process) stops; for tests, benchmarks and shutdown. */
  async whenStopped(jobId: string): Promise<void> {
    await this.running.get(jobId);
  }

  private async run(job: BulkJob, context: IssueContext, rows: BulkRow[], totals: BulkJobProgress): Promise<void> {
    const { batchSize, concurrency } = this.settings;
    let progress: Promise<void> = Promise.resolve();
    const pending: { outcomes: IssueOutcome[] } = { outcomes: [] };
    let lastWrite = 0;
    // Progress and cancel checks are throttled: a job's batches should spend their writes on credentials.
    const record = (outcomes: IssueOutcome[], force = false) => {
      pending.outcomes.push(...outcomes);
      if (!force && Date.now() - lastWrite < PROGRESS_INTERVAL_MS) return progress;
      lastWrite = Date.now();
      const flushed = pending.outcomes.splice(0);
      progress = progress.then(() => this.record(job.jobId, flushed, totals));
      return progress;
    };
    let lastCancelCheck = Date.now();
    const cancelRequested = async () => {
      if (this.cancelled.has(job.jobId)) return true;
      if (Date.now() - lastCancelCheck < PROGRESS_INTERVAL_MS) return false;
      lastCancelCheck = Date.now();
      return (await this.jobs.get(job.jobId))?.cancelRequested === true;
    };
    let next = 0;
    let cancelled = false;
    let failure: string | undefined;
    const worker = async () => {
      while (!cancelled && failure === undefined && next < rows.length) {
        const batch = rows.slice(next, next + batchSize);
        next += batchSize;
        try {
          const outcomes = await this.issuer.issueBatch(
            context,
            batch.map((row) => this.issueRow(job, row)),
          );
          await record(outcomes);
          if (await cancelRequested()) cancelled = true;
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await record([], true).catch((error: unknown) => {
      failure ??= error instanceof Error ? error.message : String(error);
    });
    const status = failure !== undefined ? 'failed' : cancelled ? 'cancelled' : 'completed';
    await this.jobs.finish(job.jobId, status, this.clock().toISOString(), failure);
  }

  private issueRow(job: BulkJob, row: BulkRow): IssueRow {
    const recipient = row.did !== undefined ? { did: row.did } : { email: row.email ?? '' };
    const key =
      row.idempotencyKey ?? `achievement:${job.achievementId}:${normalizeIdentity(row.did ?? row.email ?? '')}`;
    return {
      row: row.row,
      credentialId: credentialIdForKey(job.tenantId, key),
      recipient,
      recipientName: row.name,
      cohort: row.cohort,
      validUntil: row.validUntil,
    };
  }

  /** Serialised per job by the caller: counters are kept here and written as absolute values. */
  private async record(jobId: string, outcomes: IssueOutcome[], totals: BulkJobProgress): Promise<void> {
    const problems: BulkRowProblem[] = [];
    for (const outcome of outcomes) {
      if (outcome.outcome === 'issued') totals.issued++;
      else if (outcome.outcome === 'skipped') totals.skipped++;
      else problems.push({ row: outcome.row, field: outcome.field, code: outcome.code, reason: outcome.reason });
    }
    totals.failed += problems.length;
    await this.jobs.recordProgress(jobId, totals, problems);
  }

  private async owned(tenantId: string, jobId: string): Promise<BulkJob> {
    const job = await this.jobs.get(jobId);
    if (!job || job.tenantId !== tenantId) {
      throw new IssuanceRequestError('BULK_JOB_NOT_FOUND', 'the bulk job does not exist', { kind: 'not-found' });
    }
    return job;
  }

  private view(job: BulkJob): BulkJobView {
    const processed = job.issued + job.skipped + job.failed;
    const end = job.finishedAt ? Date.parse(job.finishedAt) : this.clock().getTime();
    const seconds = Math.max((end - Date.parse(job.createdAt)) / 1000, 0.001);
    const rate = Math.round((processed / seconds) * 10) / 10;
    const remaining = job.total - processed;
    const etaSeconds = job.status !== 'running' ? null : rate > 0 ? Math.ceil(remaining / rate) : null;
    return { ...job, processed, rate, etaSeconds };
  }
}

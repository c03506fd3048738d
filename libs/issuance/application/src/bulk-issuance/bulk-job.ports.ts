import type { BulkRowProblem } from './bulk-rows.parser';

export type BulkJobStatus = 'running' | 'completed' | 'cancelled' | 'failed' | 'interrupted';

export interface BulkJob {
  jobId: string;
  tenantId: string;
  issuerId: string;
  achievementId: string;
  status: BulkJobStatus;
  total: number;
  issued: number;
  skipped: number;
  failed: number;
  createdAt: string;
  finishedAt?: string;
  /** Why the job stopped when status is failed. */
  failure?: string;
  cancelRequested: boolean;
}

export interface BulkJobProgress {
  issued: number;
  skipped: number;
  failed: number;
}

/** Jobs and their per-row problems (MongoDB adapter). */
export interface BulkJobRepository {
  create(job: BulkJob): Promise<void>;
  get(jobId: string): Promise<BulkJob | undefined>;
  /**
   * Records the rows' problems and sets the job's counters to `totals` (absolute values: the job's process keeps
   * the counts and writes them one at a time, as FerretDB's `$inc` loses concurrent increments).
   */
  recordProgress(jobId: string, totals: BulkJobProgress, problems: readonly BulkRowProblem[]): Promise<void>;
  finish(jobId: string, status: BulkJobStatus, finishedAt: string, failure?: string): Promise<void>;
  requestCancel(jobId: string): Promise<void>;
  problems(jobId: string, offset: number, limit: number): Promise<BulkRowProblem[]>;
  /** Marks jobs left running by a stopped process; returns how many. */
  interruptRunning(finishedAt: string): Promise<number>;
}

export const BULK_JOB_REPOSITORY = Symbol('BULK_JOB_REPOSITORY');

export interface BulkIssuanceSettings {
  maxRows: number;
  batchSize: number;
  /** Batches in flight at once (signing one while another is written). */
  concurrency: number;
}

export const BULK_ISSUANCE_SETTINGS = Symbol('BULK_ISSUANCE_SETTINGS');

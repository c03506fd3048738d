import type { Connection, mongo } from 'mongoose';
import type {
  BulkJob,
  BulkJobProgress,
  BulkJobRepository,
  BulkJobStatus,
  BulkRowProblem,
} from '@credstream/issuance/application';

type JobDocument = Omit<BulkJob, 'jobId'> & { _id: string };
type ProblemDocument = BulkRowProblem & { jobId: string };

/** `issuance_bulk_jobs` (counters updated per batch with $inc) and `issuance_bulk_job_problems` (one per bad row). */
export class MongoBulkJobRepository implements BulkJobRepository {
  private readonly jobs: mongo.Collection<JobDocument>;
  private readonly problemRows: mongo.Collection<ProblemDocument>;

  constructor(connection: Connection) {
    this.jobs = connection.collection<JobDocument>('issuance_bulk_jobs');
    this.problemRows = connection.collection<ProblemDocument>('issuance_bulk_job_problems');
  }

  async create({ jobId, ...job }: BulkJob): Promise<void> {
    await this.jobs.insertOne({ _id: jobId, ...job });
  }

  async get(jobId: string): Promise<BulkJob | undefined> {
    const document = await this.jobs.findOne({ _id: jobId });
    if (!document) return undefined;
    const { _id, ...job } = document;
    return { jobId: _id, ...job };
  }

  async recordProgress(jobId: string, totals: BulkJobProgress, problems: readonly BulkRowProblem[]): Promise<void> {
    if (problems.length > 0) {
      await this.problemRows.insertMany(
        problems.map((problem) => ({ ...problem, jobId })),
        { ordered: false },
      );
    }
    await this.jobs.updateOne(
      { _id: jobId },
      { $set: { issued: totals.issued, skipped: totals.skipped, failed: totals.failed } },
    );
  }

  async finish(jobId: string, status: BulkJobStatus, finishedAt: string, failure?: string): Promise<void> {
    const set: Partial<JobDocument> = { status, finishedAt };
    if (failure !== undefined) set.failure = failure;
    await this.jobs.updateOne({ _id: jobId }, { $set: set });
  }

  async requestCancel(jobId: string): Promise<void> {
    await this.jobs.updateOne({ _id: jobId }, { $set: { cancelRequested: true } });
  }

  async problems(jobId: string, offset: number, limit: number): Promise<BulkRowProblem[]> {
    const documents = await this.problemRows
      .find({ jobId }, { projection: { _id: 0, jobId: 0 } })
      .sort({ row: 1 })
      .skip(offset)
      .limit(limit)
      .toArray();
    return documents.map(({ row, field, code, reason }) => ({ row, field, code, reason }));
  }

  async interruptRunning(finishedAt: string): Promise<number> {
    const result = await this.jobs.updateMany({ status: 'running' }, { $set: { status: 'interrupted', finishedAt } });
    return result.modifiedCount;
  }
}

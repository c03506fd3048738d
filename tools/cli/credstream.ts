import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { SingleBar, Presets } from 'cli-progress';
import { parseCliArgs, USAGE, UsageError, type IssueCommand } from './cli-args';

interface Job {
  jobId: string;
  status: string;
  total: number;
  processed: number;
  issued: number;
  skipped: number;
  failed: number;
  rate: number;
  etaSeconds: number | null;
  failure?: string;
}

interface RowProblem {
  row: number;
  field: string;
  code: string;
  reason: string;
}

/** `credstream issue --csv rows.csv --achievement <id>`: uploads, shows a progress bar, then lists the failed rows. */
async function main(): Promise<number> {
  let command: IssueCommand;
  try {
    command = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 64;
  }
  const headers = { authorization: `Bearer ${command.apiKey}` };
  const body = await readFile(command.file);
  const query = new URLSearchParams({ achievementId: command.achievementId });
  if (command.issuerId) query.set('issuerId', command.issuerId);
  const started = await fetch(`${command.url}/bulk-issuance-jobs?${query}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': command.format === 'csv' ? 'text/csv' : 'application/json' },
    body,
  });
  if (started.status !== 202) {
    process.stderr.write(`upload refused (${started.status}): ${await started.text()}\n`);
    return 1;
  }
  let job = (await started.json()) as Job;
  const bar = new SingleBar(
    {
      format:
        ' {bar} {percentage}% | {value}/{total} rows | issued {issued} skipped {skipped} failed {failed} | {rate}/s | ETA {eta_s}s',
    },
    Presets.shades_classic,
  );
  bar.start(job.total, job.processed, { issued: 0, skipped: 0, failed: 0, rate: 0, eta_s: '?' });
  while (job.status === 'running') {
    await sleep(command.pollMs);
    const response = await fetch(`${command.url}/bulk-issuance-jobs/${job.jobId}`, { headers });
    job = (await response.json()) as Job;
    bar.update(job.processed, {
      issued: job.issued,
      skipped: job.skipped,
      failed: job.failed,
      rate: job.rate,
      eta_s: job.etaSeconds ?? '?',
    });
  }
  bar.stop();
  process.stdout.write(
    `job ${job.jobId} ${job.status}: ${job.issued} issued, ${job.skipped} issued before (skipped), ${job.failed} failed\n`,
  );
  if (job.failure) process.stdout.write(`stopped by: ${job.failure}\n`);
  for (let offset = 0; offset < job.failed; offset += 1000) {
    const response = await fetch(`${command.url}/bulk-issuance-jobs/${job.jobId}/errors?offset=${offset}&limit=1000`, {
      headers,
    });
    const { errors } = (await response.json()) as { errors: RowProblem[] };
    for (const problem of errors) {
      process.stdout.write(`  row ${problem.row}  ${problem.field}  ${problem.code}  ${problem.reason}\n`);
    }
    if (errors.length < 1000) break;
  }
  return job.status === 'completed' && job.failed === 0 ? 0 : 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

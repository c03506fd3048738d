import { report } from '../lib/bench-report';
import { measureHttpThroughput } from './http-throughput';
import { measurePipelineRate } from './pipeline-rate';

/**
 * `npm run bench:verification`: (a) the verification pipeline on one core as a ratio to raw node:crypto verification
 * of the same token; (b) `POST /verify` over HTTP at 100 connections, every verification counted as an event.
 * BENCH_SECONDS sets each measured stage's length; BENCH_CONNECTIONS the HTTP concurrency. The service remembers the
 * facts of the tokens it verified (decoding, schema validation, signature verdict with the key found each time);
 * VERIFY_TOKEN_MEMO_ENTRIES=0 makes it verify every request's token from scratch, as for a new credential. The
 * pipeline measure (a) always does the whole work. BENCH_CPU_PROF_DIR=<dir> writes the service's CPU profile.
 */
async function main(): Promise<void> {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 15);
  const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 100);
  const pipeline = await measurePipelineRate(Math.max(2, seconds / 3));
  const http = await measureHttpThroughput({ seconds, connections });
  report('verification', [...pipeline, ...http.measurements], { seconds, ...http.parameters });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * `npm run bench`: starts the local infrastructure (tools/infra up) if it is not running, runs every `bench:<area>`
 * script of package.json in turn, then writes
 * bench/results/summary.md with each figure next to its target. A failing benchmark is reported
 * in the summary and makes the command exit non-zero, after the others have run. With `--summary-only`
 * it only rewrites the summary from the results already written.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from '../lib/bench-report';
import { readResults, renderSummary, RunOutcome } from './summary';

const ROOT = join(__dirname, '..', '..');

function benchScripts(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return Object.keys(manifest.scripts).filter((name) => name.startsWith('bench:'));
}

function main(): void {
  const outcomes: RunOutcome[] = [];
  // `--summary-only` rewrites summary.md from the results already in bench/results (runs nothing).
  const scripts = process.argv.includes('--summary-only') ? [] : benchScripts();
  // The backbone and issuance benchmarks run on the local infrastructure; starting it is a no-op when it is up.
  if (scripts.length > 0 && spawnSync('bash', ['tools/infra', 'up'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
    throw new Error('tools/infra up failed: the benchmarks need the local infrastructure');
  }
  for (const script of scripts) {
    process.stdout.write(`\n=== npm run ${script} ===\n`);
    const started = Date.now();
    const run = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
    outcomes.push({ script, exitCode: run.status ?? 1, seconds: (Date.now() - started) / 1000 });
  }
  const summary = renderSummary(readResults(RESULTS_DIR), outcomes, new Date());
  const file = join(RESULTS_DIR, 'summary.md');
  writeFileSync(file, summary);
  process.stdout.write(`\n${summary}\nwrote ${file}\n`);
  if (outcomes.some((outcome) => outcome.exitCode !== 0)) process.exitCode = 1;
}

main();

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Measurement } from '../lib/bench-report';

export interface BenchResult {
  area: string;
  measuredAt: string;
  machine?: { cpus?: number; cpuModel?: string; memoryGiB?: number; node?: string };
  measurements: (Measurement & { meetsTarget?: boolean })[];
}

export interface RunOutcome {
  script: string;
  exitCode: number;
  seconds: number;
}

/** Every bench/results/<area>.json written by `report()`; other JSON files are ignored. */
export function readResults(directory: string): BenchResult[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')) as Partial<BenchResult>)
    .filter((result): result is BenchResult => typeof result.area === 'string' && Array.isArray(result.measurements))
    .sort((a, b) => a.area.localeCompare(b.area));
}

const number = (value: number) =>
  Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : Number(value.toPrecision(3)).toString();

function verdict(measurement: BenchResult['measurements'][number]): string {
  if (measurement.meetsTarget === undefined) return '';
  return measurement.meetsTarget ? 'meets' : '**misses**';
}

function row(measurement: BenchResult['measurements'][number]): string {
  const { metric, value, unit, target, ceiling } = measurement;
  const cells = [
    metric,
    `${number(value)} ${unit}`,
    target ? `${target.op} ${number(target.value)} ${unit}` : '',
    ceiling ? `${((value / ceiling.value) * 100).toFixed(0)} % of ${ceiling.metric}` : '',
    verdict(measurement),
  ];
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** The markdown summary: one table per benchmark area, and which scripts ran. */
export function renderSummary(results: BenchResult[], outcomes: RunOutcome[], now: Date): string {
  const lines = [`# Benchmark summary`, '', `Written ${now.toISOString()} by \`npm run bench\`.`, ''];
  const machine = results.find((result) => result.machine)?.machine;
  if (machine) {
    lines.push(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}.`, '');
  }
  if (outcomes.length > 0) {
    lines.push('| script | exit | seconds |', '| --- | --- | --- |');
    for (const outcome of outcomes)
      lines.push(`| ${outcome.script} | ${outcome.exitCode} | ${outcome.seconds.toFixed(0)} |`);
    lines.push('');
  }
  for (const result of results) {
    lines.push(`## ${result.area}`, '', `Measured ${result.measuredAt}.`, '');
    lines.push('| figure | measured | target | vs ceiling | verdict |', '| --- | --- | --- | --- | --- |');
    for (const measurement of result.measurements) lines.push(row(measurement));
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

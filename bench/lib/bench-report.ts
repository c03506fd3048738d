import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** What a measured figure must reach: `>=` for rates, `<` for latencies. */
export interface Target {
  op: '>=' | '<';
  value: number;
}

export interface Measurement {
  metric: string;
  value: number;
  unit: string;
  target?: Target;
  /** A ceiling measured in the same run (e.g. raw kafkajs throughput); the figure is also reported as a ratio of it. */
  ceiling?: { metric: string; value: number };
  note?: string;
}

export const RESULTS_DIR = join(__dirname, '..', 'results');

function meets(measurement: Measurement): boolean | undefined {
  const { target, value } = measurement;
  if (!target) return undefined;
  return target.op === '>=' ? value >= target.value : value < target.value;
}

const format = (value: number) =>
  Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);

/** Prints the benchmark table and writes bench/results/<area>.json. */
export function report(area: string, measurements: Measurement[], parameters: Record<string, unknown>): void {
  const rows = measurements.map((m) => ({
    metric: m.metric,
    value: `${format(m.value)} ${m.unit}`,
    target: m.target ? `${m.target.op} ${format(m.target.value)} ${m.unit}` : '',
    'vs ceiling': m.ceiling ? `${((m.value / m.ceiling.value) * 100).toFixed(0)}% of ${m.ceiling.metric}` : '',
    verdict: meets(m) === undefined ? '' : meets(m) ? 'meets' : 'MISSES',
  }));
  const widths = Object.keys(rows[0] ?? {}).map((key) =>
    Math.max(key.length, ...rows.map((row) => String(row[key as keyof typeof row]).length)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  process.stdout.write(`\n${area} benchmark\n${line(Object.keys(rows[0] ?? {}))}\n`);
  for (const row of rows) process.stdout.write(`${line(Object.values(row).map(String))}\n`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${area}.json`);
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  writeFileSync(
    file,
    `${JSON.stringify({ area, measuredAt: new Date().toISOString(), machine, parameters, measurements: measurements.map((m) => ({ ...m, meetsTarget: meets(m) })) }, null, 2)}\n`,
  );
  process.stdout.write(`\nwrote ${file}\n`);
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

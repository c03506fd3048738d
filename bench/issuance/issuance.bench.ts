import { report } from '../lib/bench-report';
import { DEFAULT_SIGNING_BENCH_OPTIONS, runSigningBench } from './signing.bench';

/** `npm run bench:issuance`: (a) VC-JWT signing rate against raw node:crypto ES256, on one core. */
async function main(): Promise<void> {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? DEFAULT_SIGNING_BENCH_OPTIONS.seconds);
  const { measurements, parameters } = await runSigningBench({ ...DEFAULT_SIGNING_BENCH_OPTIONS, seconds });
  report('issuance-signing', measurements, parameters);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

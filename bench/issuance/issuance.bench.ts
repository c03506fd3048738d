import { report, type Measurement } from '../lib/bench-report';
import { runBulkIssuanceBench } from './bulk-issuance.bench';
import { runPartnerIssuanceBench } from './partner-issuance.bench';
import { DEFAULT_SIGNING_BENCH_OPTIONS, runSigningBench } from './signing.bench';

/**
 * `npm run bench:issuance`: (a) VC-JWT signing rate against raw node:crypto ES256, on one core; (b) a bulk job of
 * BENCH_BULK_ROWS (100,000) credentials end to end against the local infrastructure (`tools/infra up`); (c)
 * BENCH_PARTNER_COMPLETIONS (5,000) partner completions on Kafka → all credentials issued. BENCH_PARTS=a, b, c or
 * a combination runs those parts.
 */
async function main(): Promise<void> {
  const parts = process.env['BENCH_PARTS'] ?? 'abc';
  const measurements: Measurement[] = [];
  const parameters: Record<string, unknown> = {};
  if (parts.includes('a')) {
    const seconds = Number(process.env['BENCH_SECONDS'] ?? DEFAULT_SIGNING_BENCH_OPTIONS.seconds);
    const signing = await runSigningBench({ ...DEFAULT_SIGNING_BENCH_OPTIONS, seconds });
    measurements.push(...signing.measurements);
    parameters['signing'] = signing.parameters;
  }
  if (parts.includes('b')) {
    const bulk = await runBulkIssuanceBench({
      rows: Number(process.env['BENCH_BULK_ROWS'] ?? 100_000),
      mongoUri: process.env['BENCH_MONGODB_URI'] ?? `mongodb://127.0.0.1:27017/credstream_bench_${Date.now()}`,
      kafkaBrokers: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
      batchSize: Number(process.env['BULK_BATCH_SIZE'] ?? 500),
      concurrency: Number(process.env['BULK_CONCURRENCY'] ?? 3),
      schemaCheck: process.env['CREDENTIAL_SCHEMA_CHECK'] === 'first-of-batch' ? 'first-of-batch' : 'every',
      floorDocuments: Number(process.env['BENCH_FLOOR_DOCUMENTS'] ?? 10_000),
    });
    measurements.push(...bulk.measurements);
    parameters['bulk'] = bulk.parameters;
  }
  if (parts.includes('c')) {
    const partner = await runPartnerIssuanceBench({
      completions: Number(process.env['BENCH_PARTNER_COMPLETIONS'] ?? 5_000),
      mongoUri: process.env['BENCH_MONGODB_URI'] ?? `mongodb://127.0.0.1:27017/credstream_bench_partner_${Date.now()}`,
      kafkaBrokers: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
    });
    measurements.push(...partner.measurements);
    parameters['partner'] = partner.parameters;
  }
  report('issuance', measurements, parameters);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

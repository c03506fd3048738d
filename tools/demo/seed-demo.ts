/**
 * Seeds the running platform with a realistic demo, only through the services' public APIs and the
 * partner Kafka topics (never a database write): 3 institutions in 3 countries, 20 achievements
 * aligned to ESCO, 5,000 learners whose LMS completions trigger issuance, then claims, shares, views,
 * verifications, employment outcomes and a few revocations, spread over nine months.
 * Re-running it finds the steps already done (tools/demo state file) and adds nothing.
 *
 *   node -r @swc-node/register tools/demo/seed-demo.ts      (tools/platform up runs it)
 */
import { join } from 'node:path';
import { DEMO_INSTITUTIONS } from './demo-catalogue';
import { demoPopulation } from './demo-population';
import { DemoStateFile } from './demo-state';
import { EngagementSeeder } from './engagement-seeder';
import { IssuanceSeeder } from './issuance-seeder';
import { MailInbox } from './mail-inbox';
import { OutcomeSeeder } from './outcome-seeder';
import { PartnerFeed } from './partner-feed';
import { Progress } from './progress';
import { ServiceClient } from './service-client';
import { printSummary } from './demo-summary';

export interface DemoEnvironment {
  issuanceUrl: string;
  verificationUrl: string;
  sharingUrl: string;
  analyticsUrl: string;
  kafkaBrokers: string[];
  adminToken: string;
  stateFile: string;
  learners: number;
  mailInboxUrl: string;
}

function environment(): DemoEnvironment {
  const env = process.env;
  const root = join(__dirname, '..', '..');
  return {
    issuanceUrl: env['DEMO_ISSUANCE_URL'] ?? 'http://127.0.0.1:3001',
    verificationUrl: env['DEMO_VERIFICATION_URL'] ?? 'http://127.0.0.1:3002',
    sharingUrl: env['DEMO_SHARING_URL'] ?? 'http://127.0.0.1:3003',
    analyticsUrl: env['DEMO_ANALYTICS_URL'] ?? 'http://127.0.0.1:3004',
    kafkaBrokers: (env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
    adminToken: env['PLATFORM_ADMIN_TOKEN'] ?? '',
    stateFile: env['DEMO_STATE_FILE'] ?? join(env['INFRA_DIR'] ?? join(root, '.infra'), 'demo', 'state.json'),
    learners: Number(env['DEMO_LEARNERS'] ?? 5_000),
    mailInboxUrl: env['MAIL_INBOX_URL'] ?? 'http://127.0.0.1:1080',
  };
}

export async function seedDemo(env: DemoEnvironment): Promise<void> {
  if (!env.adminToken)
    throw new Error('PLATFORM_ADMIN_TOKEN is not set: the demo creates institutions as the platform admin');
  const stateFile = new DemoStateFile(env.stateFile);
  const now = new Date();
  const population = demoPopulation(env.learners, now);
  const progress = new Progress();
  const feed = new PartnerFeed(env.kafkaBrokers);
  await feed.connect();
  try {
    const issuance = new IssuanceSeeder(new ServiceClient(env.issuanceUrl), env.adminToken, stateFile, progress, feed);
    await issuance.institutions(DEMO_INSTITUTIONS);
    await issuance.completions(population.completions);
    const issued = await issuance.awaitIssued(population.completions);
    const outcomes = new OutcomeSeeder(stateFile, progress, feed, now);
    await outcomes.employment(issued);
    await issuance.revocations(issued, now);
    const clients = [env.sharingUrl, env.verificationUrl, env.issuanceUrl].map((url) => new ServiceClient(url));
    const [sharing, verification, issuanceClient] = clients as [ServiceClient, ServiceClient, ServiceClient];
    const inbox = new MailInbox(env.mailInboxUrl);
    await new EngagementSeeder(sharing, verification, issuanceClient, inbox, stateFile, progress, now).run(issued);
  } finally {
    progress.stop();
    await feed.disconnect();
  }
  printSummary(env, stateFile.state, population.learners.length);
}

if (require.main === module) {
  seedDemo(environment()).catch((error: unknown) => {
    process.stderr.write(`demo: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}

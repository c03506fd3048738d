import { parseConfig } from '@credstream/config';
import { bootService, type BootedService } from '@credstream/testing';
import type { ServiceAppOptions } from '@credstream/runtime';
import { IssuanceAppModule } from '../../apps/issuance/src/app/issuance-app.module';
import { issuanceConfigSchema } from '../../apps/issuance/src/config/issuance.config';
import { ISSUANCE_SERVICE } from '../../apps/issuance/src/service-description';

export const BENCH_ADMIN_TOKEN = 'bench-platform-admin-token-000000';

/** The issuance service in this process on the local infrastructure, quiet, with the bench's admin token. */
export function bootBenchIssuance(
  infra: { mongoUri: string; kafkaBrokers: string },
  env: Record<string, string> = {},
  options: ServiceAppOptions = {},
): Promise<BootedService> {
  const config = parseConfig(issuanceConfigSchema, {
    MONGODB_URI: infra.mongoUri,
    KAFKA_BROKERS: infra.kafkaBrokers,
    PLATFORM_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
    ...env,
  });
  return bootService(ISSUANCE_SERVICE, (logger) => IssuanceAppModule.register(config, logger), options);
}

export type JsonObject = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function postJson(service: BootedService, path: string, body: unknown, authorization: string) {
  const response = await fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as JsonObject;
}

export interface BenchTenant {
  tenantId: string;
  authorization: string;
  issuerId: string;
  achievementId: string;
}

/** A tenant with an API key, an issuer and one ESCO-aligned achievement, made through the service's API. */
export async function createBenchTenant(service: BootedService): Promise<BenchTenant> {
  const tenantId = `bench-${Date.now()}`;
  const tenant = await postJson(
    service,
    '/admin/tenants',
    { tenantId, name: 'Bench University', country: 'PT', initialApiKey: { name: 'bench', scopes: ['admin', 'issue'] } },
    `Bearer ${BENCH_ADMIN_TOKEN}`,
  );
  const authorization = `Bearer ${tenant['apiKey']['key']}`;
  const issuer = await postJson(
    service,
    '/issuers',
    { name: 'Bench University', url: 'https://bench.example' },
    authorization,
  );
  const achievement = await postJson(
    service,
    '/achievements',
    {
      issuerId: issuer['issuerId'],
      name: 'Data Engineering Fundamentals',
      description: 'Designs and operates batch and streaming data pipelines.',
      criteria: { narrative: 'Completed the course and passed the final project.' },
      achievementType: 'Certificate',
      alignments: [
        {
          targetName: 'manage data pipelines',
          targetUrl: 'http://data.europa.eu/esco/skill/1',
          targetFramework: 'ESCO',
        },
      ],
    },
    authorization,
  );
  return { tenantId, authorization, issuerId: issuer['issuerId'], achievementId: achievement['achievementId'] };
}

/**
 * Integration test for the deployment artefacts (deploy/, apps/<service>/Dockerfile, docker-compose.yml):
 *  - tools/deploy-check passes: hadolint, docker-compose config, helm lint and helm template | kubeconform -strict;
 *  - the env contract: the variables the Helm chart gives each service are exactly the keys of that app's zod
 *    config schema (read from apps/<service>/src/config/<service>.config.ts at test time), both ways, for the
 *    default and the production values; docker-compose.yml sets only variables the apps read; secrets stay in Secrets;
 *  - every topic of libs/contracts (plus a dead-letter topic per consumer group) is created by compose and the chart.
 * The first run on a machine builds helm and kubeconform and downloads hadolint, docker-compose and the
 * Kubernetes schemas (~4 min); later runs take a few seconds.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { TOPICS } from '@credstream/contracts';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'tools', 'deploy-check');
const CHART = path.join(ROOT, 'deploy', 'helm', 'credstream');
const PRODUCTION_VALUES = path.join(CHART, 'values-production.yaml');
const INSTALL_TIMEOUT_MS = 15 * 60_000;

/** Read by Node.js itself, not by the config schemas; the chart sets it only to trust a private Kafka CA. */
const NODE_RUNTIME_VARIABLES = new Set(['NODE_EXTRA_CA_CERTS']);
/** Variables that carry credentials: the chart must never put them in a ConfigMap. */
const SECRET_VARIABLE = /PASSWORD$|SECRET$|TOKEN$|PRIVATE_KEY|MASTER_KEYS?$|^MONGODB_URI$|^SMTP_URL$/;

interface K8sObject {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: { template?: { spec: { containers: { env?: { name: string }[] }[] } } };
}

interface ChartValues {
  services: Record<string, { uses: string[] }>;
  kafkaTopics: { topics: { name: string }[] };
}

/** The environment variable names one app's zod config schema reads. */
async function schemaKeys(service: string): Promise<string[]> {
  const file = path.join(ROOT, 'apps', service, 'src', 'config', `${service}.config.ts`);
  const module = (await import(file)) as Record<string, unknown>;
  const schema = module[`${service}ConfigSchema`] as { shape?: Record<string, unknown>; _def?: { schema?: unknown } };
  let object: { shape?: Record<string, unknown>; _def?: { schema?: unknown } } | undefined = schema;
  while (object && !object.shape) object = object._def?.schema as typeof object; // unwrap refinements
  if (!object?.shape) throw new Error(`${file} exports no zod object schema named ${service}ConfigSchema`);
  return Object.keys(object.shape).sort();
}

function appsWithConfig(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'apps'))
    .filter((app) => fs.existsSync(path.join(ROOT, 'apps', app, 'src', 'config', `${app}.config.ts`)))
    .sort();
}

async function helmTemplate(bin: string, ...args: string[]): Promise<K8sObject[]> {
  const { stdout } = await run(
    path.join(bin, 'helm'),
    ['template', 'credstream', CHART, '--namespace', 'credstream', '--kube-version', '1.33.0', ...args],
    {
      maxBuffer: 16 * 1024 * 1024,
      env: {
        ...process.env,
        HELM_CACHE_HOME: path.join(bin, '..', 'helm', 'cache'),
        HELM_CONFIG_HOME: path.join(bin, '..', 'helm', 'config'),
        HELM_DATA_HOME: path.join(bin, '..', 'helm', 'data'),
      },
    },
  );
  return parseAllDocuments(stdout)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

interface ServiceEnv {
  config: string[];
  secret: string[];
  container: string[];
}

function envOf(objects: K8sObject[], service: string): ServiceEnv {
  const named = (kind: string) =>
    objects.find((o) => o.kind === kind && o.metadata.labels?.['app.kubernetes.io/component'] === service);
  const secret = named('Secret');
  const deployment = named('Deployment');
  if (!deployment) throw new Error(`the chart renders no Deployment for ${service}`);
  return {
    config: Object.keys(named('ConfigMap')?.data ?? {}),
    secret: Object.keys({ ...secret?.data, ...secret?.stringData }),
    container: deployment.spec!.template!.spec.containers.flatMap((c) => (c.env ?? []).map((e) => e.name)),
  };
}

function chartVariables(env: ServiceEnv): string[] {
  return [...new Set([...env.config, ...env.secret, ...env.container])]
    .filter((name) => !NODE_RUNTIME_VARIABLES.has(name))
    .sort();
}

describe('deployment artefacts', () => {
  let bin: string;
  let values: ChartValues;

  beforeAll(async () => {
    const { stdout } = await run('bash', [SCRIPT, 'bin'], { timeout: INSTALL_TIMEOUT_MS });
    bin = stdout.trim();
    values = parseYaml(fs.readFileSync(path.join(CHART, 'values.yaml'), 'utf8')) as ChartValues;
  }, INSTALL_TIMEOUT_MS);

  it('passes hadolint, docker-compose config, helm lint and kubeconform -strict', async () => {
    const { stderr, stdout } = await run('bash', [SCRIPT], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
    expect(stderr).toContain('deploy-check: all checks passed');
    expect(stdout).toMatch(
      /Summary: \d+ resources found parsing stdin - Valid: \d+, Invalid: 0, Errors: 0, Skipped: 0/,
    );
    expect(stdout).not.toMatch(/Skipped: [1-9]/);
  }, 120_000);

  it('deploys exactly the apps that have a config schema', () => {
    expect(Object.keys(values.services).sort()).toEqual(appsWithConfig());
  });

  it.each(appsWithConfig())('gives %s exactly the variables its config schema reads (default values)', async (app) => {
    const env = envOf(await helmTemplate(bin), app);
    expect(chartVariables(env)).toEqual(await schemaKeys(app));
    expect(env.config.filter((name) => SECRET_VARIABLE.test(name))).toEqual([]);
  });

  it.each(appsWithConfig())(
    'gives %s exactly the variables its config schema reads (production values)',
    async (app) => {
      // Production names a Secret the operator creates; render the chart's own Secret to see the keys it must hold.
      const ownSecrets = appsWithConfig().flatMap((name) => ['--set', `services.${name}.existingSecret=`]);
      const production = envOf(await helmTemplate(bin, '-f', PRODUCTION_VALUES), app);
      const withSecret = envOf(await helmTemplate(bin, '-f', PRODUCTION_VALUES, ...ownSecrets), app);
      expect(production.secret).toEqual([]);
      expect(production.config.sort()).toEqual(withSecret.config.sort());
      expect(chartVariables(withSecret)).toEqual(await schemaKeys(app));
      expect(production.container).toContain('NODE_EXTRA_CA_CERTS');
    },
  );

  it('sets only variables the apps read in docker-compose.yml', async () => {
    const compose = parseYaml(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<string, { environment?: Record<string, unknown> }>;
    };
    for (const app of appsWithConfig()) {
      const environment = Object.keys(compose.services[app]?.environment ?? {});
      expect(environment.length).toBeGreaterThan(0);
      const known = new Set(await schemaKeys(app));
      expect(environment.filter((name) => !known.has(name))).toEqual([]);
    }
  });

  it('creates every catalogue topic and a dead-letter topic per consumer group, in compose and in the chart', () => {
    const groups = Object.entries(values.services)
      .filter(([, service]) => service.uses.includes('kafka'))
      .map(([name]) => `${name}.dlq`);
    const expected = [...Object.values(TOPICS), ...groups].sort();
    expect(values.kafkaTopics.topics.map((topic) => topic.name).sort()).toEqual(expected);

    const script = fs.readFileSync(path.join(ROOT, 'deploy', 'compose', 'create-topics.sh'), 'utf8');
    const listed = [...script.matchAll(/^\w*topics=\(([^)]*)\)/gm)].flatMap((match) => match[1].trim().split(/\s+/));
    expect(listed.sort()).toEqual(expected);
  });
});

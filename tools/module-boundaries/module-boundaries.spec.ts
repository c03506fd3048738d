import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '..', '..');
const bin = (name: string) => join(workspaceRoot, 'node_modules/.bin', name);
const env = { ...process.env, NX_DAEMON: 'false' };

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Runs the real eslint CLI on source text as if it were the file at `path` in the workspace
 * (exactly what `npm run lint` does to a file there) and returns the boundary violations.
 */
async function boundaryErrors(path: string, source: string): Promise<string[]> {
  const run = spawnSync(bin('eslint'), ['--stdin', '--stdin-filename', join(workspaceRoot, path), '--format', 'json'], {
    cwd: workspaceRoot,
    env,
    input: source,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  const errors = result.messages
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
    .map((message) => message.message);
  expect(run.status).toBe(errors.length > 0 ? 1 : 0);
  return errors;
}

describe('module boundaries (eslint @nx/enforce-module-boundaries)', () => {
  beforeAll(() => {
    // The rule silently skips itself without a project graph; build it the way `npm run lint` does.
    execFileSync(bin('nx'), ['show', 'projects'], { cwd: workspaceRoot, env, stdio: 'ignore' });
  }, 60_000);

  it('rejects a service importing another service’s lib', async () => {
    const errors = await boundaryErrors(
      'apps/sharing/src/app/violation.ts',
      "import * as issuance from '@credstream/issuance/domain';\nexport const leak = issuance;\n",
    );
    expect(errors.join('\n')).toContain(
      '"scope:sharing" can only depend on libs tagged with "scope:sharing", "scope:shared"',
    );
  });

  it('rejects a domain lib importing mongoose', async () => {
    const errors = await boundaryErrors(
      'libs/issuance/domain/src/violation.ts',
      "import mongoose from 'mongoose';\nexport const leak = mongoose;\n",
    );
    expect(errors.join('\n')).toContain('"type:domain" is not allowed to import "mongoose"');
  });

  it.each(['@nestjs/common', 'kafkajs', '@clickhouse/client', '@opentelemetry/api'])(
    'rejects a domain lib importing %s',
    async (banned) => {
      const errors = await boundaryErrors(
        'libs/verification/domain/src/violation.ts',
        `import * as banned from '${banned}';\nexport const leak = banned;\n`,
      );
      expect(errors).toHaveLength(1);
    },
  );

  it('rejects the application layer reaching into infrastructure', async () => {
    const errors = await boundaryErrors(
      'libs/issuance/application/src/violation.ts',
      "import * as adapters from '@credstream/issuance/infrastructure';\nexport const leak = adapters;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('rejects a shared lib depending on a service', async () => {
    const errors = await boundaryErrors(
      'libs/contracts/src/violation.ts',
      "import * as analytics from '@credstream/analytics/domain';\nexport const leak = analytics;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('accepts a service using its own layers, the contracts and the platform libs', async () => {
    const errors = await boundaryErrors(
      'apps/issuance/src/app/allowed.ts',
      [
        "import * as domain from '@credstream/issuance/domain';",
        "import * as infrastructure from '@credstream/issuance/infrastructure';",
        "import { TOPICS } from '@credstream/contracts';",
        "import { HealthModule } from '@credstream/runtime';",
        'export const used = [domain, infrastructure, TOPICS, HealthModule];',
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });
});

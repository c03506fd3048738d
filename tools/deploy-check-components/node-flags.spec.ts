import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A service's node flags are part of how it runs: its image's CMD sets them, and `npm start` (tools/platform) and the
 * service's benchmark must run it the same way, or the demo and the measured figures describe another process.
 */
const ROOT = join(__dirname, '..', '..');
const SERVICES = ['issuance', 'verification', 'sharing', 'analytics'] as const;
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function imageFlags(service: string): string[] {
  const cmd = /^CMD (\[.*\])$/m.exec(read(`apps/${service}/Dockerfile`))?.[1];
  if (!cmd) throw new Error(`apps/${service}/Dockerfile has no exec-form CMD`);
  return (JSON.parse(cmd) as string[]).filter((arg) => arg.startsWith('--') && arg !== '--enable-source-maps');
}

function platformFlags(service: string): string[] {
  const cases = /^node_flags\(\) \{\n\s+case \$1 in\n([\s\S]*?)\n\s+esac/m.exec(read('tools/platform'))?.[1] ?? '';
  const line = cases.split('\n').find((entry) => entry.trim().startsWith(`${service})`));
  return line ? (/echo "([^"]*)"/.exec(line)?.[1] ?? '').split(' ').filter(Boolean) : [];
}

function benchFlags(service: string): string[] | undefined {
  const script = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts[`bench:${service}`];
  return script?.split(' ').filter((arg) => arg.startsWith('--') && !arg.startsWith('--require'));
}

describe('node flags of the services', () => {
  it.each(SERVICES)('%s runs with the same flags in its image, under npm start and in its benchmark', (service) => {
    const flags = imageFlags(service);

    expect(platformFlags(service)).toEqual(flags);
    const bench = benchFlags(service);
    if (bench) expect(bench).toEqual(flags);
  });

  it('issuance runs with a 32 MB semi-space (ADR 6, session-9 amendment)', () => {
    expect(imageFlags('issuance')).toEqual(['--max-semi-space-size=32']);
  });
});

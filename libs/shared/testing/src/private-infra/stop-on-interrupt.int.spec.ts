import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

jest.setTimeout(120_000);

const privateClickHouseDirs = async () =>
  new Set((await readdir(tmpdir())).filter((name) => name.startsWith('credstream-clickhouse-')));

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/ping`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

describe('private infra of an interrupted process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'is stopped and deleted when its owner gets %s, and the owner still ends',
    async (signal) => {
      const before = await privateClickHouseDirs();
      const owner = spawn(
        process.execPath,
        ['-r', '@swc-node/register', join(__dirname, 'interrupted-owner.fixture.ts')],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const { url, directory } = await new Promise<{ url: string; directory: string }>((resolve, reject) => {
        let output = '';
        owner.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const ready = /^ready (\S+) (\S+)$/m.exec(output);
          if (ready?.[1] && ready[2]) resolve({ url: ready[1], directory: ready[2] });
        });
        owner.once('exit', (code) => reject(new Error(`the owner exited (${code}) before its ClickHouse was up`)));
      });
      // Its own directory, by name: other suites may start private servers at the same time.
      const created = basename(directory);
      expect(before.has(created)).toBe(false);
      expect(await privateClickHouseDirs()).toContain(created);
      expect(await answers(url)).toBe(true);

      const exited = new Promise<NodeJS.Signals | null>((resolve) => owner.once('exit', (_, by) => resolve(by)));
      owner.kill(signal);
      expect(await exited).toBe(signal);
      expect(await answers(url)).toBe(false);
      expect(await privateClickHouseDirs()).not.toContain(created);
    },
  );
});

/** `credstream issue --csv rows.csv --achievement <uuid> [--issuer <uuid>] [--url …] [--key …]` */
export interface IssueCommand {
  command: 'issue';
  file: string;
  format: 'csv' | 'json';
  achievementId: string;
  issuerId?: string;
  url: string;
  apiKey: string;
  pollMs: number;
}

export class UsageError extends Error {}

export const USAGE = `usage: credstream issue (--csv <file> | --json <file>) --achievement <id> [--issuer <id>]
                        [--url <issuance base URL>] [--key <API key>] [--poll-ms <ms>]
  The API key may also come from CREDSTREAM_API_KEY, the URL from CREDSTREAM_URL (default http://localhost:3001).`;

export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined>): IssueCommand {
  const [command, ...rest] = argv;
  if (command !== 'issue') throw new UsageError(`unknown command: ${command ?? '(none)'}`);
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i];
    const value = rest[i + 1];
    if (!name?.startsWith('--') || value === undefined) throw new UsageError(`expected --option value at ${name}`);
    options.set(name.slice(2), value);
  }
  const csv = options.get('csv');
  const json = options.get('json');
  const file = csv ?? json;
  if (file === undefined || (csv !== undefined && json !== undefined)) {
    throw new UsageError('give exactly one of --csv or --json');
  }
  const achievementId = options.get('achievement');
  if (!achievementId) throw new UsageError('--achievement is required');
  const apiKey = options.get('key') ?? env['CREDSTREAM_API_KEY'];
  if (!apiKey) throw new UsageError('--key or CREDSTREAM_API_KEY is required');
  const pollMs = Number(options.get('poll-ms') ?? 500);
  if (!Number.isInteger(pollMs) || pollMs < 50) throw new UsageError('--poll-ms must be a whole number ≥ 50');
  return {
    command: 'issue',
    file,
    format: csv !== undefined ? 'csv' : 'json',
    achievementId,
    issuerId: options.get('issuer'),
    url: (options.get('url') ?? env['CREDSTREAM_URL'] ?? 'http://localhost:3001').replace(/\/+$/, ''),
    apiKey,
    pollMs,
  };
}

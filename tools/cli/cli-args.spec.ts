import { parseCliArgs, UsageError } from './cli-args';

describe('credstream CLI arguments', () => {
  it('reads an issue command, with the key and URL from the environment', () => {
    expect(
      parseCliArgs(['issue', '--csv', 'rows.csv', '--achievement', 'a-1'], {
        CREDSTREAM_API_KEY: 'cs_x',
        CREDSTREAM_URL: 'https://issuance.example/',
      }),
    ).toEqual({
      command: 'issue',
      file: 'rows.csv',
      format: 'csv',
      achievementId: 'a-1',
      issuerId: undefined,
      url: 'https://issuance.example',
      apiKey: 'cs_x',
      pollMs: 500,
    });
  });

  it('refuses a missing file, achievement or key, and both formats at once', () => {
    const env = { CREDSTREAM_API_KEY: 'k' };
    expect(() => parseCliArgs(['issue', '--achievement', 'a'], env)).toThrow(UsageError);
    expect(() => parseCliArgs(['issue', '--csv', 'f', '--json', 'g', '--achievement', 'a'], env)).toThrow(UsageError);
    expect(() => parseCliArgs(['issue', '--csv', 'f'], env)).toThrow('--achievement is required');
    expect(() => parseCliArgs(['issue', '--csv', 'f', '--achievement', 'a'], {})).toThrow(UsageError);
    expect(() => parseCliArgs(['revoke'], env)).toThrow('unknown command');
  });
});

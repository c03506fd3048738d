import type { VerifyCredentialHandler, VerifyCredentialQuery } from '@credstream/verification/application';
import { VerificationRunner } from './verification-runner';

function runnerWith(countryHeader: string) {
  const queries: VerifyCredentialQuery[] = [];
  const handler = { execute: async (query: VerifyCredentialQuery) => void queries.push(query) };
  return {
    queries,
    runner: new VerificationRunner(handler as unknown as VerifyCredentialHandler, {
      countryHeader,
      jsonBodyLimitBytes: 1024,
    }),
  };
}

describe('VerificationRunner', () => {
  it('takes the country from the trusted header only, and the verifier from X-Verifier-* unless the body says', async () => {
    const { queries, runner } = runnerWith('cf-ipcountry');
    const headers = {
      'cf-ipcountry': 'pt',
      'x-request-country': 'DE',
      'x-verifier-organization': ' Acme ',
      'x-verifier-sector': 'j62',
      'x-verifier-country': 'not-a-country',
    };
    await runner.verifyValue('a.b.c', {}, headers);
    await runner.verifyValue(
      'a.b.c',
      { verifier: { organization: 'From body' }, channel: 'wallet' },
      headers,
      undefined,
    );
    await runner.verifyValue('a.b.c', {}, { 'cf-ipcountry': 'XX1' }, 'page');
    expect(queries.map(({ requestCountry, verifier, channel }) => ({ requestCountry, verifier, channel }))).toEqual([
      { requestCountry: 'PT', verifier: { organization: 'Acme', sector: 'J62' }, channel: 'api' },
      { requestCountry: 'PT', verifier: { organization: 'From body' }, channel: 'wallet' },
      { requestCountry: undefined, verifier: undefined, channel: 'page' },
    ]);
  });

  it('reads no country when no header is configured', async () => {
    const { queries, runner } = runnerWith('');
    await runner.verifyValue('a.b.c', {}, { 'x-request-country': 'DE' });
    expect(queries[0].requestCountry).toBeUndefined();
  });
});

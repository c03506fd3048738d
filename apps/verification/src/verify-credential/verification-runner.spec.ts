import type {
  RegisteredVerifier,
  VerifierDirectory,
  VerifyCredentialHandler,
  VerifyCredentialQuery,
} from '@credstream/verification/application';
import { VerificationRunner } from './verification-runner';

const ACME: RegisteredVerifier = {
  organisationId: '01932c8e-0000-7000-8000-0000000000a1',
  name: 'Acme Hiring',
  sector: 'N78',
  country: 'DE',
};

/** One active key, `cs_good`; every other token is unknown. */
const directory: VerifierDirectory = {
  identify: async (token) => (token === 'cs_good' ? ACME : undefined),
  keys: async () => [],
  keyAdded: async () => undefined,
  keyRevoked: async () => undefined,
};

function runnerWith(countryHeader: string) {
  const queries: VerifyCredentialQuery[] = [];
  const handler = { execute: async (query: VerifyCredentialQuery) => void queries.push(query) };
  return {
    queries,
    runner: new VerificationRunner(
      handler as unknown as VerifyCredentialHandler,
      {
        countryHeader,
        jsonBodyLimitBytes: 1024,
      },
      directory,
    ),
  };
}

describe('VerificationRunner', () => {
  it("records a registered verifier's identity from its key, over whatever the request declares", async () => {
    const { queries, runner } = runnerWith('cf-ipcountry');
    await runner.verifyValue(
      'a.b.c',
      { verifier: { organization: 'Someone else' } },
      { authorization: 'Bearer cs_good', 'x-verifier-sector': 'A01' },
    );
    expect(queries[0]?.verifier).toEqual({
      organizationId: ACME.organisationId,
      organization: 'Acme Hiring',
      sector: 'N78',
      country: 'DE',
    });
  });

  it('refuses an unknown or revoked key with 401 instead of verifying anonymously', async () => {
    const { queries, runner } = runnerWith('cf-ipcountry');
    await expect(runner.verifyValue('a.b.c', {}, { authorization: 'Bearer cs_revoked' })).rejects.toMatchObject({
      code: 'VERIFIER_KEY_INVALID',
      status: 401,
    });
    expect(queries).toEqual([]);
  });

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

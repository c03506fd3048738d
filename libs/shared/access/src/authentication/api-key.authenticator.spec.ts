import { generateApiKey } from '../api-key/api-key-token';
import type { ApiKeyDirectory, ApiKeyRecord } from '../api-key/api-key-directory.port';
import type { ApiKeyScope } from '../api-key/api-key-scopes';
import { ApiKeyAuthenticator } from './api-key.authenticator';

class MapDirectory implements ApiKeyDirectory {
  readonly records = new Map<string, ApiKeyRecord>();
  failing = false;
  async find(keyId: string) {
    if (this.failing) throw new Error('connection refused');
    return this.records.get(keyId);
  }
}

function keyIn(directory: MapDirectory, scopes: ApiKeyScope[], revoked = false) {
  const key = generateApiKey();
  directory.records.set(key.keyId, { keyId: key.keyId, tenantId: 'uni-lisbon', scopes, hash: key.hash, revoked });
  return key;
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const problem = error as { getStatus(): number; code: string };
    return { status: problem.getStatus(), code: problem.code };
  }
  throw new Error('expected a refusal');
}

describe('ApiKeyAuthenticator', () => {
  let directory: MapDirectory;
  let uses: { keyId: string; at: number }[];
  let now: number;
  let authenticator: ApiKeyAuthenticator;

  beforeEach(() => {
    directory = new MapDirectory();
    uses = [];
    now = Date.parse('2026-11-27T10:00:00.000Z');
    authenticator = new ApiKeyAuthenticator(
      directory,
      { recordUse: async ({ keyId }, usedAt) => void uses.push({ keyId, at: usedAt.getTime() }) },
      { lastUseIntervalMs: 60_000, now: () => new Date(now) },
    );
  });

  it('accepts a valid key holding the required scopes and gives its tenant', async () => {
    const key = keyIn(directory, ['issue', 'revoke']);
    await expect(authenticator.authenticate(key.token, ['issue'])).resolves.toEqual({
      tenantId: 'uni-lisbon',
      keyId: key.keyId,
      scopes: ['issue', 'revoke'],
    });
  });

  it('refuses a missing, malformed or unknown key, or a wrong secret, with 401 API_KEY_INVALID', async () => {
    const key = keyIn(directory, ['issue']);
    const unknown = generateApiKey();
    const wrongSecret = `${key.prefix}_${unknown.token.split('_').slice(2).join('_')}`;
    for (const token of [undefined, 'nonsense', unknown.token, wrongSecret]) {
      expect(await refusal(authenticator.authenticate(token, ['issue']))).toEqual({
        status: 401,
        code: 'API_KEY_INVALID',
      });
    }
  });

  it('refuses a revoked key with 401 API_KEY_REVOKED, but only to a caller holding its secret', async () => {
    const key = keyIn(directory, ['issue'], true);
    expect(await refusal(authenticator.authenticate(key.token))).toEqual({ status: 401, code: 'API_KEY_REVOKED' });
    const guess = `${key.prefix}_${generateApiKey().token.split('_').slice(2).join('_')}`;
    expect(await refusal(authenticator.authenticate(guess))).toEqual({ status: 401, code: 'API_KEY_INVALID' });
  });

  it('refuses a key without every required scope with 403 API_KEY_SCOPE_MISSING', async () => {
    const key = keyIn(directory, ['issue']);
    expect(await refusal(authenticator.authenticate(key.token, ['issue', 'admin']))).toEqual({
      status: 403,
      code: 'API_KEY_SCOPE_MISSING',
    });
  });

  it('answers 503 ACCESS_UNAVAILABLE when the directory cannot be read', async () => {
    const key = keyIn(directory, ['issue']);
    directory.failing = true;
    expect(await refusal(authenticator.authenticate(key.token))).toEqual({ status: 503, code: 'ACCESS_UNAVAILABLE' });
  });

  it('records a key use at most once a minute per key, and never for a refused request', async () => {
    const a = keyIn(directory, ['issue']);
    const b = keyIn(directory, ['issue']);
    await authenticator.authenticate(a.token);
    now += 59_999;
    await authenticator.authenticate(a.token);
    await authenticator.authenticate(b.token);
    await refusal(authenticator.authenticate(a.token, ['admin']));
    now += 1;
    await authenticator.authenticate(a.token);
    expect(uses.map(({ keyId }) => keyId)).toEqual([a.keyId, b.keyId, a.keyId]);
  });

  it('never fails a request because the last use could not be written', async () => {
    const errors: unknown[] = [];
    const key = keyIn(directory, ['issue']);
    const failingUsage = new ApiKeyAuthenticator(
      directory,
      { recordUse: () => Promise.reject(new Error('disk full')) },
      { onRecordError: (error) => errors.push(error) },
    );
    await expect(failingUsage.authenticate(key.token)).resolves.toMatchObject({ keyId: key.keyId });
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
  });
});

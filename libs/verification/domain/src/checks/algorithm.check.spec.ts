import { ALLOWED_ALGORITHMS } from '../policy/verification-policy';
import { checkAlgorithm } from './algorithm.check';

describe('checkAlgorithm', () => {
  it.each(['ES256', 'RS256', 'EdDSA'])('allows %s', (alg) => {
    expect(checkAlgorithm({ alg }, ALLOWED_ALGORITHMS).status).toBe('passed');
  });

  it.each([['none'], ['NONE'], ['HS256'], ['HS512'], ['RS512'], ['es256'], [undefined], [42]])('refuses %s', (alg) => {
    expect(checkAlgorithm({ alg }, ALLOWED_ALGORITHMS)).toMatchObject({ status: 'failed', code: 'ALG_NOT_ALLOWED' });
  });

  it('refuses an algorithm outside the configured subset, and never widens beyond the safe set', () => {
    expect(checkAlgorithm({ alg: 'RS256' }, ['ES256']).status).toBe('failed');
    expect(checkAlgorithm({ alg: 'HS256' }, ['HS256' as never]).status).toBe('failed');
  });
});

import { backoffDelay, DEFAULT_RETRY_POLICY, retryPolicy } from './retry-policy';

describe('retry policy', () => {
  it('doubles the delay per failed attempt up to the cap', () => {
    const policy = retryPolicy({ initialDelayMs: 100, maxDelayMs: 700, multiplier: 2 });
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 200, 400, 700, 700]);
  });

  it('fills unspecified settings with the defaults', () => {
    expect(retryPolicy({ maxAttempts: 2 })).toEqual({ ...DEFAULT_RETRY_POLICY, maxAttempts: 2 });
  });

  it.each([{ maxAttempts: 0 }, { maxAttempts: 1.5 }, { initialDelayMs: 10, maxDelayMs: 5 }, { multiplier: 0.5 }])(
    'rejects %p',
    (settings) => {
      expect(() => retryPolicy(settings)).toThrow();
    },
  );
});

/** How often and how patiently a failing handler is retried in-process before its message is dead-lettered. */
export interface RetryPolicy {
  /** Total handler attempts, the first included (1 = no retry). */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** Growth of the delay per attempt. */
  multiplier: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 10_000,
  multiplier: 2,
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error(`retry maxAttempts must be a positive integer, got ${policy.maxAttempts}`);
  }
  if (policy.initialDelayMs < 0 || policy.maxDelayMs < policy.initialDelayMs || policy.multiplier < 1) {
    throw new Error('retry delays must satisfy 0 <= initialDelayMs <= maxDelayMs and multiplier >= 1');
  }
  return policy;
}

/** Delay before attempt `failedAttempt + 1`: exponential, capped, without jitter (one consumer per partition). */
export function backoffDelay(policy: RetryPolicy, failedAttempt: number): number {
  const delay = policy.initialDelayMs * policy.multiplier ** (failedAttempt - 1);
  return Math.min(delay, policy.maxDelayMs);
}

import { IdleBackoff } from './idle-backoff';

describe('IdleBackoff', () => {
  it('doubles up to the maximum and starts over after a reset', () => {
    const backoff = new IdleBackoff(50, 1_000);
    expect([1, 2, 3, 4, 5, 6, 7].map(() => backoff.next())).toEqual([50, 100, 200, 400, 800, 1_000, 1_000]);
    backoff.reset();
    expect(backoff.next()).toBe(50);
  });
});

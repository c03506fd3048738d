import { FixedWindowThrottlerStorage } from './fixed-window.throttler-storage';

describe('FixedWindowThrottlerStorage', () => {
  let now = 0;
  const storage = () => new FixedWindowThrottlerStorage(() => now);

  beforeEach(() => (now = 1_000_000));

  it('allows `limit` requests per client and window, then refuses until the window ends', async () => {
    const limiter = storage();
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await limiter.increment('client-a', 60_000, 3, 60_000, 'default'));
    expect(hits.map((hit) => hit.isBlocked)).toEqual([false, false, false, true]);
    expect(hits[3].timeToBlockExpire).toBe(60);
    now += 45_000;
    expect((await limiter.increment('client-a', 60_000, 3, 60_000, 'default')).timeToBlockExpire).toBe(15);
    now += 15_000;
    const fresh = await limiter.increment('client-a', 60_000, 3, 60_000, 'default');
    expect(fresh).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('keeps one budget per client and per throttler', async () => {
    const limiter = storage();
    await limiter.increment('client-a', 60_000, 1, 60_000, 'default');
    expect((await limiter.increment('client-a', 60_000, 1, 60_000, 'default')).isBlocked).toBe(true);
    expect((await limiter.increment('client-b', 60_000, 1, 60_000, 'default')).isBlocked).toBe(false);
    expect((await limiter.increment('client-a', 60_000, 1, 60_000, 'burst')).isBlocked).toBe(false);
  });
});

import { Wakeup } from './wakeup';

describe('Wakeup', () => {
  it('cuts a sleep short', async () => {
    const wakeup = new Wakeup();
    const started = Date.now();
    const sleeping = wakeup.sleep(10_000);
    wakeup.wake();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('remembers a wake-up that came while awake, once', async () => {
    const wakeup = new Wakeup();
    wakeup.wake();
    const started = Date.now();
    await wakeup.sleep(10_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    await wakeup.sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

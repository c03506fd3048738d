import { RecentCommits, type PositionedCommit } from './recent-commits';

const commit = (position: number, events = '[]'): PositionedCommit => ({
  streamId: `stream-${position}`,
  fromVersion: 1,
  toVersion: 1,
  position,
  events,
  committedAt: new Date(0),
});

describe('RecentCommits', () => {
  it('gives the contiguous run of remembered commits from a position', () => {
    const recent = new RecentCommits();
    for (const position of [3, 1, 2, 5]) recent.committed(commit(position));

    expect(recent.runFrom(1, 10).map(({ position }) => position)).toEqual([1, 2, 3]);
    expect(recent.runFrom(2, 1).map(({ position }) => position)).toEqual([2]);
    expect(recent.runFrom(4, 10)).toEqual([]);
  });

  it('knows which positions an append of this process is still inserting', () => {
    const recent = new RecentCommits();
    recent.reserve(7);
    recent.reserve(8);
    expect(recent.isInFlight(7)).toBe(true);

    recent.committed(commit(7));
    recent.released(8);

    expect(recent.isInFlight(7)).toBe(false);
    expect(recent.isInFlight(8)).toBe(false);
    expect(recent.runFrom(7, 10).map(({ position }) => position)).toEqual([7]);
    expect(recent.runFrom(8, 10)).toEqual([]);
  });

  it('reserves a position as soon as the counter gives it, and lets the relay wait for positions being given', async () => {
    const recent = new RecentCommits();
    let answer: (position: number) => void = () => undefined;
    const allocation = recent.allocate(() => new Promise<number>((resolve) => (answer = resolve)));
    const waited = recent.allocationsAnswered(1_000);

    answer(4);

    expect(await allocation).toBe(4);
    expect(await waited).toBe(true);
    expect(recent.isInFlight(4)).toBe(true);
    expect(await recent.allocationsAnswered(1_000)).toBe(false);
  });

  it('stops waiting for a position request that takes too long', async () => {
    const recent = new RecentCommits();
    void recent.allocate(() => new Promise<number>(() => undefined));
    expect(await recent.allocationsAnswered(20)).toBe(false);
  });

  it('does not keep a failed position request pending', async () => {
    const recent = new RecentCommits();
    await expect(recent.allocate(() => Promise.reject(new Error('counter down')))).rejects.toThrow('counter down');
    expect(await recent.allocationsAnswered(1_000)).toBe(false);
  });

  it('keeps the events an appender built for its commit, for the relay', () => {
    const recent = new RecentCommits();
    const remembered = commit(3, '[{"id":"e"}]');
    const events = { envelopes: [], json: ['{"id":"e"}'] };
    recent.committed(remembered, events);
    recent.committed(commit(4));

    expect(recent.eventsOf(remembered)).toBe(events);
    expect(recent.eventsOf(recent.runFrom(4, 1)[0]!)).toBeUndefined();
  });

  it('forgets what the relay has passed', () => {
    const recent = new RecentCommits();
    for (const position of [10, 11, 12]) recent.committed(commit(position));

    recent.forgetThrough(11);

    expect(recent.size).toBe(1);
    expect(recent.runFrom(10, 10)).toEqual([]);
    expect(recent.runFrom(12, 10).map(({ position }) => position)).toEqual([12]);
  });

  it('drops the oldest commits beyond its size limit, so a relay elsewhere cannot make it grow without end', () => {
    const recent = new RecentCommits({ maxChars: 3 * (1000 + 256) });
    for (let position = 1; position <= 5; position++) recent.committed(commit(position, 'x'.repeat(1000)));

    expect(recent.size).toBe(3);
    expect(recent.runFrom(3, 10).map(({ position }) => position)).toEqual([3, 4, 5]);
    expect(recent.runFrom(1, 10)).toEqual([]);
  });
});

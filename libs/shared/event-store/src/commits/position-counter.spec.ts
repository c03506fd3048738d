import type { Connection } from 'mongoose';
import { PositionCounter } from './position-counter';

/** A counter document whose increments answer when the test says so, recording each one's `$inc`. */
function fakeCounterStore() {
  let value = 0;
  const increments: number[] = [];
  const answers: (() => void)[] = [];
  let failNext: Error | undefined;
  const collection = {
    findOneAndUpdate: (_filter: unknown, update: { $inc: { value: number } }) =>
      new Promise((resolve, reject) => {
        increments.push(update.$inc.value);
        answers.push(() => {
          if (failNext) {
            reject(failNext);
            failNext = undefined;
            return;
          }
          value += update.$inc.value;
          resolve({ _id: 'commits', value });
        });
      }),
  };
  const connection = { collection: () => collection } as unknown as Connection;
  return {
    connection,
    increments,
    failNextIncrement: (error: Error) => (failNext = error),
    /** Answers the increment in flight and lets the counter start the next one. */
    answer: async () => {
      answers.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('PositionCounter', () => {
  it('makes one increment at a time and gives the appends that asked meanwhile one position each from the next', async () => {
    const store = fakeCounterStore();
    const counter = new PositionCounter(store.connection, 'x_');

    const first = counter.next();
    const burst = [counter.next(), counter.next(), counter.next()];
    expect(store.increments).toEqual([1]);

    await store.answer();
    expect(await first).toBe(1);
    expect(store.increments).toEqual([1, 3]);

    await store.answer();
    expect(await Promise.all(burst)).toEqual([2, 3, 4]);
  });

  it('fails only the appends of a failed increment, and serves the ones that asked meanwhile', async () => {
    const store = fakeCounterStore();
    const counter = new PositionCounter(store.connection, 'x_');
    store.failNextIncrement(new Error('connection reset'));

    const failed = expect(counter.next()).rejects.toThrow('connection reset');
    const queued = [counter.next(), counter.next()];
    await store.answer();
    await failed;

    await store.answer();
    expect(await Promise.all(queued)).toEqual([1, 2]);
    expect(store.increments).toEqual([1, 2]);
  });

  it('splits a burst larger than 1,000 positions over several increments', async () => {
    const store = fakeCounterStore();
    const counter = new PositionCounter(store.connection, 'x_');

    const blocker = counter.next();
    const burst = Array.from({ length: 2_500 }, () => counter.next());
    for (let answered = 0; answered < 4; answered++) await store.answer();

    expect(await blocker).toBe(1);
    expect(store.increments).toEqual([1, 1_000, 1_000, 500]);
    expect(await Promise.all(burst)).toEqual(Array.from({ length: 2_500 }, (_, index) => index + 2));
  });
});

import type { BenchEnv } from './bench-env';
import { benchEvents, seconds } from './bench-env';

export interface MongoCeilings {
  /** insertOne of a one-event commit document, `concurrency` in flight. */
  insertRate: number;
  /** findOneAndUpdate $inc on one counter document, `concurrency` in flight. */
  counterRate: number;
  /** findOne by two top-level equalities on a collection of `collectionSize` commit documents. */
  equalityReadRate: number;
  collectionSize: number;
}

/**
 * What the MongoDB server of this run (FerretDB locally) does per round trip, with no event store code in the
 * way: the floor under the append rate, which costs one insert and one counter increment (plus, with an
 * expected version > 0, one equality read).
 */
export async function measureMongoCeilings(
  env: BenchEnv,
  operations: number,
  concurrency: number,
): Promise<MongoCeilings> {
  const commits = env.connection.collection<Record<string, unknown>>('ceiling_commits');
  const counters = env.connection.collection<{ _id: string; value: number }>('ceiling_counters');
  const events = JSON.stringify(benchEvents(0, 1));
  const document = (i: number) => ({
    streamId: `stream-${i}`,
    fromVersion: 1,
    toVersion: 1,
    position: i,
    bucket: i >> 6,
    block: i >> 10,
    events,
    committedAt: new Date(),
  });
  const insertRate = await rate(operations, concurrency, (i) => commits.insertOne(document(i)));
  await counters.insertOne({ _id: 'c', value: 0 });
  const counterRate = await rate(operations, concurrency, () =>
    counters.findOneAndUpdate({ _id: 'c' }, { $inc: { value: 1 } }, { returnDocument: 'after' }),
  );
  const collectionSize = await commits.countDocuments();
  const equalityReadRate = await rate(operations, concurrency, (i) =>
    commits.findOne({ streamId: `stream-${(i * 7) % collectionSize}`, toVersion: 1 }),
  );
  await Promise.all([commits.drop(), counters.drop()]);
  return { insertRate, counterRate, equalityReadRate, collectionSize };
}

async function rate(count: number, concurrency: number, operation: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await operation(next++);
    }),
  );
  return count / seconds(started);
}

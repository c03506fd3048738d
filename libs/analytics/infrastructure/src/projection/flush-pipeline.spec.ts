import { FlushPipeline } from './flush-pipeline';

interface Batch {
  id: number;
  erasing?: boolean;
}

/** A write that finishes only when the test says so. */
function controlledWrites() {
  const started: number[] = [];
  const finish = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const write = (batch: Batch) =>
    new Promise<void>((resolve, reject) => {
      started.push(batch.id);
      finish.set(batch.id, { resolve, reject });
    });
  return { started, finish, write };
}

const turns = () => new Promise((resolve) => setImmediate(resolve));

describe('FlushPipeline', () => {
  function pipelineOf(maxWrites = 2) {
    const writes = controlledWrites();
    const committed: number[] = [];
    const pipeline = new FlushPipeline<Batch>({
      maxWrites,
      write: writes.write,
      commit: async (batch) => {
        committed.push(batch.id);
      },
      waitsForEarlierWrites: (batch) => batch.erasing === true,
    });
    return { pipeline, committed, ...writes };
  }

  it('writes batches side by side but commits them in the order they were submitted', async () => {
    const { pipeline, committed, started, finish } = pipelineOf();
    const first = pipeline.submit({ id: 1 });
    const second = pipeline.submit({ id: 2 });
    await turns();
    expect(started).toEqual([1, 2]);

    finish.get(2)?.resolve();
    await turns();
    expect(committed).toEqual([]);
    expect(pipeline.writesInFlight).toBe(1);

    finish.get(1)?.resolve();
    await Promise.all([first, second]);
    expect(committed).toEqual([1, 2]);
  });

  it('has room for another write only while fewer than the maximum are in flight', async () => {
    const { pipeline, finish } = pipelineOf(2);
    void pipeline.submit({ id: 1 });
    void pipeline.submit({ id: 2 });
    expect(pipeline.hasRoom).toBe(false);
    let roomMade = false;
    const room = pipeline.roomForWrite().then(() => (roomMade = true));
    await turns();
    expect(roomMade).toBe(false);

    finish.get(1)?.resolve();
    await room;
    expect(pipeline.writesInFlight).toBe(1);
  });

  it('starts a batch carrying erasures only after every earlier write finished', async () => {
    const { pipeline, started, finish } = pipelineOf(3);
    void pipeline.submit({ id: 1 });
    void pipeline.submit({ id: 2, erasing: true });
    await turns();
    expect(started).toEqual([1]);

    finish.get(1)?.resolve();
    await turns();
    expect(started).toEqual([1, 2]);
  });

  it('never commits a batch given up, nor any batch after it', async () => {
    const { pipeline, committed, finish } = pipelineOf();
    const first = pipeline.submit({ id: 1 });
    const second = pipeline.submit({ id: 2 });
    await turns();
    finish.get(2)?.resolve();
    finish.get(1)?.reject(new Error('ClickHouse is gone'));

    await expect(first).rejects.toThrow('ClickHouse is gone');
    await expect(second).rejects.toThrow('ClickHouse is gone');
    await expect(pipeline.drained()).rejects.toThrow('ClickHouse is gone');
    expect(committed).toEqual([]);
    expect(pipeline.writesInFlight).toBe(0);
  });
});

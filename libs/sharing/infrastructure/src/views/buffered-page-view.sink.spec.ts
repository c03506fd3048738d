import type { EventAppender, NewStreamEntry } from '@credstream/event-store';
import type { PageView } from '@credstream/sharing/domain';
import { BufferedPageViewSink } from './buffered-page-view.sink';

const view = (n: number): PageView => ({
  shareId: 's1',
  credentialId: 'c1',
  channel: 'linkedin',
  viewerHash: `viewer-${n}`,
  country: 'DE',
  referrerHost: null,
  referrerClass: 'none',
});

/** An appender that stores in memory, or refuses while `down`. */
function memoryAppender() {
  const stored: NewStreamEntry[] = [];
  const appender = {
    down: false,
    stored,
    append: async () => ({ streamId: 'x', version: 1 }),
    appendToNewStreams: async (entries: readonly NewStreamEntry[]) => {
      if (appender.down) throw new Error('store unreachable');
      stored.push(...entries);
      return entries.map((entry) => ({ streamId: entry.streamId, version: entry.events.length }));
    },
  };
  return appender;
}

const viewerHashes = (entries: readonly NewStreamEntry[]) =>
  entries.flatMap((entry) => entry.events.map((event) => (event.data as PageView).viewerHash));

describe('BufferedPageViewSink', () => {
  const sinks: BufferedPageViewSink[] = [];
  afterEach(async () => Promise.all(sinks.splice(0).map((sink) => sink.close())));

  it('keeps the views a failed append held and stores them, oldest first, once the store answers', async () => {
    const store = memoryAppender();
    const errors: unknown[] = [];
    const sink = new BufferedPageViewSink(store as EventAppender, { onError: (error) => errors.push(error) });
    sinks.push(sink);
    store.down = true;
    sink.record(view(1), 't1');
    await sink.flush();
    sink.record(view(2), 't1');
    expect(errors).toHaveLength(1);
    expect(sink.metrics()).toEqual({ buffered: 2, recorded: 0, dropped: 0 });

    store.down = false;
    await sink.flush();
    expect(viewerHashes(store.stored)).toEqual(['viewer-1', 'viewer-2']);
    expect(sink.metrics()).toEqual({ buffered: 0, recorded: 2, dropped: 0 });
  });

  it('drops the views that arrive beyond its bound and reports how many at the next flush', async () => {
    const store = memoryAppender();
    const dropped: number[] = [];
    const sink = new BufferedPageViewSink(store as EventAppender, {
      maxBuffered: 2,
      onDropped: (views) => dropped.push(views),
    });
    sinks.push(sink);
    [1, 2, 3, 4].forEach((n) => sink.record(view(n), 't1'));
    await sink.flush();
    expect(dropped).toEqual([2]);
    expect(viewerHashes(store.stored)).toEqual(['viewer-1', 'viewer-2']);
    await sink.flush();
    expect(dropped).toEqual([2]);
  });
});

import { OutgoingMessage, toSendChunks } from './send-chunks';

const message = (topic: string, key: string, value: string): OutgoingMessage => ({
  topic,
  message: { key, value, headers: { 'ce-id': `${key}-${value}` } },
});

describe('toSendChunks', () => {
  it('keeps everything in one sendBatch when within limits, grouped by topic in input order', () => {
    const chunks = toSendChunks([message('a', 'k1', '1'), message('b', 'k2', '1'), message('a', 'k1', '2')], {
      maxMessages: 10,
      maxBytes: 10_000,
    });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.map((topic) => [topic.topic, topic.messages.map((m) => m.value)])).toEqual([
      ['a', ['1', '2']],
      ['b', ['1']],
    ]);
  });

  it('splits by message count and by size without reordering', () => {
    const input = Array.from({ length: 5 }, (_, i) => message('a', 'k', String(i)));
    const byCount = toSendChunks(input, { maxMessages: 2, maxBytes: 10_000 });
    expect(byCount.map((chunk) => chunk[0]!.messages.map((m) => m.value))).toEqual([['0', '1'], ['2', '3'], ['4']]);
    const bySize = toSendChunks(input, { maxMessages: 100, maxBytes: 20 });
    expect(bySize.flatMap((chunk) => chunk[0]!.messages.map((m) => m.value))).toEqual(['0', '1', '2', '3', '4']);
    expect(bySize.length).toBeGreaterThan(1);
  });

  it('sends an oversized message alone rather than dropping it, and nothing for no messages', () => {
    const big = message('a', 'k', 'x'.repeat(100));
    expect(toSendChunks([big], { maxMessages: 10, maxBytes: 10 })).toHaveLength(1);
    expect(toSendChunks([], { maxMessages: 10, maxBytes: 10 })).toEqual([]);
  });
});

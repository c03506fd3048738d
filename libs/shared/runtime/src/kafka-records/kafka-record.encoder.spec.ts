import { createRequire } from 'node:module';
import {
  kafkaRecordEncoder,
  type KafkaEncoderClass,
  type KafkaRecordEncoder,
  type KafkaRecordInput,
} from './kafka-record.encoder';

// kafkajs's own modules, loaded by Node outside the test's module registry: the reference every byte is checked against.
const kafkajs = createRequire(require.resolve('kafkajs'));
const stockRecord = kafkajs('./src/protocol/recordBatch/record/v0') as KafkaRecordEncoder;
const Encoder = kafkajs('./src/protocol/encoder') as KafkaEncoderClass;
const { RecordBatch } = kafkajs('./src/protocol/recordBatch/v0') as {
  RecordBatch: (batch: Record<string, unknown>) => Promise<{ buffer: Buffer }>;
};

const encodeRecord = kafkaRecordEncoder(stockRecord, Encoder);
const bytes = (encoder: { buf: Buffer; offset: number }) => encoder.buf.subarray(0, encoder.offset);

/** A deterministic pseudo-random sequence, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const TEXTS = ['', 'a', 'share.viewed.v1', 'ünïcødé ✓ 🎓', 'x'.repeat(200), 'y'.repeat(70_000)];

function randomRecord(next: () => number): KafkaRecordInput {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const field = () => pick<unknown>([null, undefined, ...TEXTS, Buffer.from(pick(TEXTS)), Buffer.alloc(0)]);
  const headerValue = () => pick<unknown>([...TEXTS, Buffer.from(pick(TEXTS))]);
  const headers: Record<string, unknown> = {};
  const count = Math.floor(next() * 7);
  for (let i = 0; i < count; i++) {
    headers[pick(['ce-id', 'ce-type', 'traceparent', 'ü-name', `h${i}`])] =
      next() < 0.2 ? [headerValue(), headerValue()] : headerValue();
  }
  return {
    offsetDelta: Math.floor(next() * 100_000),
    timestampDelta: Math.floor((next() - 0.5) * 2 ** 31),
    key: field(),
    value: field(),
    headers: next() < 0.1 ? undefined : headers,
  };
}

describe('kafkaRecordEncoder', () => {
  it('writes the bytes kafkajs writes, for keys, values and headers of every kind', () => {
    const next = random(42);
    for (let i = 0; i < 2_000; i++) {
      const record = randomRecord(next);
      // Buffer.equals: jest's deep equality walks big buffers byte by byte.
      const same = bytes(encodeRecord(record)).equals(bytes(stockRecord(record)));
      expect(same ? 'same bytes' : `record ${i} differs`).toBe('same bytes');
    }
  });

  it('writes a CloudEvents record into one buffer of exactly its size', () => {
    const record = {
      offsetDelta: 3,
      timestampDelta: 12,
      key: 'c0b9a1e2-0000-4000-8000-000000000001',
      value: JSON.stringify({ type: 'share.viewed.v1', data: { channel: 'linkedin' } }),
      headers: {
        'ce-id': '0190f5c2-7d1c-7a11-9b3a-4c2e1f0d4e8b',
        'ce-type': 'share.viewed.v1',
        'ce-source': 'sharing',
        'content-type': 'application/json',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      },
    };
    const encoded = encodeRecord(record);
    expect(encoded.offset).toBe(encoded.buf.length);
    expect(bytes(encoded)).toEqual(bytes(stockRecord(record)));
  });

  it('leaves to kafkajs what it handles its own way: missing header values, numbers, huge timestamp deltas', () => {
    const stock = jest.fn(stockRecord);
    const encode = kafkaRecordEncoder(stock, Encoder);
    const odd: KafkaRecordInput[] = [
      { key: 'k', value: 'v', headers: { a: null } },
      { key: 'k', value: 'v', headers: { a: undefined } },
      { key: 'k', value: 'v', headers: { a: 7 } },
      { key: 7, value: 'v' },
      { key: 'k', value: 'v', timestampDelta: 2 ** 40 },
      { key: 'k', value: 'v', timestampDelta: 1.5 },
    ];
    for (const record of odd) {
      let ours: unknown;
      let theirs: unknown;
      try {
        ours = bytes(encode(record));
      } catch (error) {
        ours = error;
      }
      try {
        theirs = bytes(stockRecord(record));
      } catch (error) {
        theirs = error;
      }
      expect(ours).toEqual(theirs);
    }
    expect(stock).toHaveBeenCalledTimes(odd.length);
  });

  it('gives a record batch with the same bytes and checksum as kafkajs', async () => {
    const next = random(7);
    const records = Array.from({ length: 300 }, (_, offsetDelta) => ({ ...randomRecord(next), offsetDelta }));
    const batch = (encode: KafkaRecordEncoder) =>
      RecordBatch({
        firstTimestamp: 1_764_000_000_000,
        maxTimestamp: 1_764_000_000_500,
        lastOffsetDelta: records.length - 1,
        records: records.map((record) => encode(record)),
      });
    const [ours, theirs] = [(await batch(encodeRecord)).buffer, (await batch(stockRecord)).buffer];
    expect(ours.length).toBe(theirs.length);
    expect(ours.equals(theirs)).toBe(true);
  });
});

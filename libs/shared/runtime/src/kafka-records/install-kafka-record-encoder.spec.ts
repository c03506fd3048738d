import { installKafkaRecordEncoder } from './install-kafka-record-encoder';

const PRODUCE_REQUEST = 'kafkajs/src/protocol/requests/produce/v3/request';
type ProduceRequest = (request: Record<string, unknown>) => { encode(): Promise<{ buffer: Buffer }> };

/** A produce request of two partitions' CloudEvents records, encoded by the given kafkajs module set. */
async function encodedProduceRequest(produceRequest: ProduceRequest): Promise<Buffer> {
  const message = (n: number) => ({
    key: `key-${n}`,
    value: JSON.stringify({ n, text: 'ünïcødé' }),
    timestamp: String(1_764_000_000_000 + n),
    headers: { 'ce-id': `id-${n}`, 'ce-type': 'credential.viewed.v1', traceparent: `00-${n}` },
  });
  const request = produceRequest({
    acks: -1,
    timeout: 30_000,
    topicData: [
      {
        topic: 'credstream.test',
        partitions: [
          { partition: 0, messages: [message(1), message(2)] },
          { partition: 1, messages: [message(3)] },
        ],
      },
    ],
  });
  return (await request.encode()).buffer;
}

describe('installKafkaRecordEncoder', () => {
  it('makes kafkajs produce requests through our encoder, with the bytes kafkajs itself sends', async () => {
    // A registry of its own, loaded before the install: stock kafkajs.
    let stockProduceRequest: ProduceRequest | undefined;
    jest.isolateModules(() => {
      stockProduceRequest = require(PRODUCE_REQUEST) as ProduceRequest;
    });
    expect(installKafkaRecordEncoder()).toEqual({ installed: true });
    expect(installKafkaRecordEncoder()).toEqual({ installed: true });

    // This test's module registry: the record module now exports our encoder.
    const record = require('kafkajs/src/protocol/recordBatch/record/v0') as { name: string };
    expect(record.name).toBe('encodeRecord');
    const ours = await encodedProduceRequest(require(PRODUCE_REQUEST) as ProduceRequest);
    const stock = await encodedProduceRequest(stockProduceRequest as ProduceRequest);
    expect(ours.length).toBe(stock.length);
    expect(ours.equals(stock)).toBe(true);
  });

  it('refuses once kafkajs has loaded its produce request with the stock encoder', () => {
    jest.isolateModules(() => {
      require(PRODUCE_REQUEST);
      const { installKafkaRecordEncoder: install } = require('./install-kafka-record-encoder') as {
        installKafkaRecordEncoder: typeof installKafkaRecordEncoder;
      };
      expect(install()).toMatchObject({ installed: false, reason: 'produce-already-loaded' });
    });
  });
});

import { contractFor, type EventEnvelope } from '@credstream/contracts';
import { ErasureList, hashesOf } from '../erasure-list';
import { packRecords } from './packed-records';
import { ProjectionDecoderThread } from './projection-decoder.thread';

jest.setTimeout(60_000);

const RECIPIENT_KEY = '5b2d8f0e7c1a4b3d6e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d';

function issued(n: number): { offset: string; value: Buffer } {
  const contract = contractFor('credential.issued.v1');
  const event: EventEnvelope = {
    id: `01932c8e-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    type: 'credential.issued.v1',
    source: 'issuance',
    aggregateType: 'credential',
    aggregateId: `credential-${n}`,
    aggregateVersion: 1,
    tenantId: 'uni',
    occurredAt: '2026-06-30T12:34:56.789Z',
    correlationId: 'c',
    causationId: null,
    data: contract?.example,
  };
  return { offset: String(n), value: Buffer.from(JSON.stringify(event)) };
}

const batchOf = (...numbers: number[]) => packRecords('issuance.credential.v1', 0, numbers.map(issued));
const text = (rows: Uint8Array) => Buffer.from(rows).toString('utf8');

describe('ProjectionDecoderThread (a real worker thread)', () => {
  let erased: string[] = [];
  const thread = new ProjectionDecoderThread(() => erased);

  afterAll(() => thread.close());

  it('projects batches on its thread, in the order they were handed over', async () => {
    await thread.start();
    const [first, second] = await Promise.all([thread.project(batchOf(1, 2)), thread.project(batchOf(3))]);
    expect(first.rowCount).toBe(2);
    expect(second.rowCount).toBe(1);
    expect(text(first.rows)).toContain('01932c8e-0000-7000-8000-000000000001');
    expect(text(second.rows)).toContain('01932c8e-0000-7000-8000-000000000003');
    expect(text(first.rows)).toContain(RECIPIENT_KEY);
  });

  it('fails the batches a lost thread held, then starts afresh from the erasure list it is given', async () => {
    const held = thread.project(batchOf(4));
    await thread.close();
    await expect(held).rejects.toThrow('closed');

    const list = new ErasureList();
    list.add({ recipientId: '', recipientKeys: [RECIPIENT_KEY] });
    erased = list.hashes();
    expect(erased).toEqual(hashesOf({ recipientId: '', recipientKeys: [RECIPIENT_KEY] }));

    const again = await thread.project(batchOf(4));
    expect(again.rowCount).toBe(1);
    expect(text(again.rows)).toContain('01932c8e-0000-7000-8000-000000000004');
    expect(text(again.rows)).not.toContain(RECIPIENT_KEY);
  });
});

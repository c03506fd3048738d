import type { Message, Producer, ProducerRecord } from 'kafkajs';
import { DEAD_LETTER_HEADERS, deadLetterTopicFor } from './dead-letter.headers';
import { DeadLetterPublisher } from './dead-letter.publisher';

describe('DeadLetterPublisher', () => {
  it('keeps key, value and headers and adds where, why and when', async () => {
    const sent: ProducerRecord[] = [];
    const producer = { send: async (record: ProducerRecord) => void sent.push(record) } as unknown as Producer;
    const publisher = new DeadLetterPublisher(
      producer,
      deadLetterTopicFor('verification'),
      'verification',
      () => new Date('2026-06-30T10:00:00.000Z'),
    );
    await publisher.publish({
      topic: 'issuance.credential.v1',
      partition: 2,
      message: {
        key: Buffer.from('k'),
        value: Buffer.from('v'),
        headers: { traceparent: 'tp' },
        offset: '41',
        timestamp: '0',
        attributes: 0,
      },
      reason: 'invalid',
      error: '[{"path":"data","message":"bad"}]',
      attempts: 0,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].topic).toBe('verification.dlq');
    expect(sent[0].acks).toBe(-1);
    const [message] = sent[0].messages as Message[];
    expect(message.key).toEqual(Buffer.from('k'));
    expect(message.value).toEqual(Buffer.from('v'));
    expect(message.headers).toEqual({
      traceparent: 'tp',
      [DEAD_LETTER_HEADERS.originalTopic]: 'issuance.credential.v1',
      [DEAD_LETTER_HEADERS.originalPartition]: '2',
      [DEAD_LETTER_HEADERS.originalOffset]: '41',
      [DEAD_LETTER_HEADERS.consumerGroup]: 'verification',
      [DEAD_LETTER_HEADERS.reason]: 'invalid',
      [DEAD_LETTER_HEADERS.error]: '[{"path":"data","message":"bad"}]',
      [DEAD_LETTER_HEADERS.attempts]: '0',
      [DEAD_LETTER_HEADERS.failedAt]: '2026-06-30T10:00:00.000Z',
    });
  });
});

import { TOPICS } from '@credstream/contracts';
import { testEvent } from '../testing/test-events';
import { decodeEventMessage } from './event-message.decoder';

const handlesIssued = (type: string) => type === 'credential.issued.v1';
const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('decodeEventMessage', () => {
  it('returns a valid event this consumer handles', () => {
    const event = testEvent();
    expect(decodeEventMessage(encode(event), TOPICS.issuanceCredential, handlesIssued)).toEqual({
      kind: 'event',
      event,
    });
  });

  it('ignores types the consumer does not handle, even invalid ones', () => {
    const other = testEvent('credential.revoked.v1', { data: {} });
    expect(decodeEventMessage(encode(other), TOPICS.issuanceCredential, handlesIssued)).toEqual({
      kind: 'ignored',
      type: 'credential.revoked.v1',
    });
  });

  it.each([
    ['not JSON', Buffer.from('{nope')],
    ['a JSON array', encode([1])],
    ['a JSON string', encode('event')],
    ['a tombstone', null],
  ])('rejects %s as undecodable', (_what, value) => {
    expect(decodeEventMessage(value, TOPICS.issuanceCredential, handlesIssued)).toMatchObject({
      kind: 'rejected',
      reason: 'undecodable',
      type: 'unknown',
    });
  });

  it('rejects a handled event that breaks its contract, naming the fields', () => {
    const broken = testEvent('credential.issued.v1', { data: { credentialId: 'x' } });
    const decoded = decodeEventMessage(encode(broken), TOPICS.issuanceCredential, handlesIssued);
    expect(decoded).toMatchObject({ kind: 'rejected', reason: 'invalid', type: 'credential.issued.v1' });
    expect(decoded.kind === 'rejected' && JSON.parse(decoded.error)).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'data.credentialId' })]),
    );
  });

  it('rejects a handled event on a topic it does not belong on', () => {
    const decoded = decodeEventMessage(encode(testEvent()), TOPICS.sharingShare, handlesIssued);
    expect(decoded).toMatchObject({ kind: 'rejected', reason: 'invalid' });
  });
});

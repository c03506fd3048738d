import { TOPICS } from '@credstream/contracts';
import { TopicRouting } from './topic-routing';

describe('TopicRouting', () => {
  it('subscribes to the catalogue topics of the handled types, once each', () => {
    const routing = new TopicRouting(['credential.issued.v1', 'credential.revoked.v1', 'share.created.v1']);
    expect(routing.topics.sort()).toEqual([TOPICS.issuanceCredential, TOPICS.sharingShare].sort());
    expect(routing.contractTopicOf(TOPICS.issuanceCredential)).toBe(TOPICS.issuanceCredential);
  });

  it('reads overridden types from their topic and validates them against the catalogue topic', () => {
    const routing = new TopicRouting(['credential.issued.v1'], { 'credential.issued.v1': 'test.abc' });
    expect(routing.topics).toEqual(['test.abc']);
    expect(routing.contractTopicOf('test.abc')).toBe(TOPICS.issuanceCredential);
    expect(routing.handles('credential.issued.v1')).toBe(true);
    expect(routing.handles('credential.revoked.v1')).toBe(false);
  });

  it('refuses a type without a topic', () => {
    expect(() => new TopicRouting(['credential.teleported.v1'])).toThrow(/credential.teleported.v1/);
  });
});

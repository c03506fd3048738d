import { deciderSpec } from '@credstream/event-sourcing';
import { recipientDecider } from './recipient.decider';
import type { RecipientEvent } from './recipient.events';
import { isPubliclyVisible } from './recipient.state';
import { evolveAll } from '@credstream/event-sourcing';

const recipientId = '01932c8e-0000-7000-8000-000000000020';
const credentialId = '01932c8e-0000-7000-8000-000000000003';
const registered: RecipientEvent = {
  type: 'recipient.registered',
  data: { recipientId, recipientKey: 'k'.repeat(64), registeredAt: 'now' },
};
const claimed: RecipientEvent = {
  type: 'credential.claimed.v1',
  data: { credentialId, recipientId, claimedAt: 'now' },
};
const accepted: RecipientEvent = { type: 'credential.accepted.v1', data: { credentialId, recipientId } };
const declined: RecipientEvent = { type: 'credential.declined.v1', data: { credentialId, recipientId } };
const erased: RecipientEvent = { type: 'recipient.erased.v1', data: { recipientId, recipientKeys: ['k'.repeat(64)] } };
const spec = () => deciderSpec(recipientDecider);

describe('recipient', () => {
  it('registers once and holds a claimed credential once', () => {
    spec()
      .when({ type: 'register', data: { recipientId, recipientKey: 'k'.repeat(64), now: 'now' } })
      .then([registered]);
    spec()
      .given([registered])
      .when({ type: 'register', data: { recipientId, recipientKey: 'k'.repeat(64), now: 'now' } })
      .then([]);
    spec()
      .given([registered])
      .when({ type: 'add-claimed-credential', data: { credentialId, now: 'now' } })
      .then([claimed]);
    spec()
      .given([registered, claimed])
      .when({ type: 'add-claimed-credential', data: { credentialId, now: 'now' } })
      .then([]);
  });

  it('accepts and declines only what is in the wallet', () => {
    spec().given([registered, claimed]).when({ type: 'accept-credential', data: { credentialId } }).then([accepted]);
    spec().given([registered, claimed, accepted]).when({ type: 'accept-credential', data: { credentialId } }).then([]);
    spec().given([registered, claimed]).when({ type: 'decline-credential', data: { credentialId } }).then([declined]);
    spec()
      .given([registered])
      .when({ type: 'accept-credential', data: { credentialId } })
      .thenThrows('CREDENTIAL_NOT_IN_WALLET');
  });

  it('shows a page only for accepted, public credentials', () => {
    const wallet = (events: RecipientEvent[]) => evolveAll(recipientDecider, events).wallet[credentialId];
    expect(isPubliclyVisible(wallet([registered, claimed]))).toBe(false);
    expect(isPubliclyVisible(wallet([registered, claimed, accepted]))).toBe(true);
    const hidden: RecipientEvent = {
      type: 'credential.visibility-changed.v1',
      data: { credentialId, recipientId, visibility: 'private' },
    };
    expect(isPubliclyVisible(wallet([registered, claimed, accepted, hidden]))).toBe(false);
    spec()
      .given([registered, claimed, accepted])
      .when({ type: 'change-visibility', data: { credentialId, visibility: 'private' } })
      .then([hidden]);
    spec()
      .given([registered, claimed, declined])
      .when({ type: 'change-visibility', data: { credentialId, visibility: 'public' } })
      .thenThrows('CREDENTIAL_DECLINED');
  });

  it('records downloads of held credentials', () => {
    spec()
      .given([registered, claimed])
      .when({ type: 'record-download', data: { credentialId, format: 'png' } })
      .then([{ type: 'credential.downloaded.v1', data: { credentialId, recipientId, format: 'png' } }]);
  });

  it('is erased with every key it was known by, and then refuses everything', () => {
    spec().given([registered, claimed]).when({ type: 'erase', data: {} }).then([erased]);
    spec().given([registered, erased]).when({ type: 'erase', data: {} }).thenThrows('RECIPIENT_ERASED');
    spec()
      .given([registered, erased])
      .when({ type: 'register', data: { recipientId, recipientKey: 'k'.repeat(64), now: 'now' } })
      .thenThrows('RECIPIENT_ERASED');
    spec().when({ type: 'accept-credential', data: { credentialId } }).thenThrows('RECIPIENT_NOT_FOUND');
  });
});

import { deciderSpec } from '@credstream/event-sourcing';
import { shareLinkDecider, shareResolves } from './share-link.decider';
import type { ShareLinkEvent } from './share-link.events';

const link = {
  shareId: '01932c8e-0000-7000-8000-000000000030',
  credentialId: '01932c8e-0000-7000-8000-000000000003',
  recipientId: 'recipient-1',
  channel: 'linkedin' as const,
  expiresAt: '2026-08-01T00:00:00.000Z',
};
const created: ShareLinkEvent = { type: 'share.created.v1', data: link };
const spec = () => deciderSpec(shareLinkDecider);

describe('share link', () => {
  it('is created with an expiry in the future, or none', () => {
    spec()
      .when({ type: 'create', data: { ...link, now: '2026-07-01T00:00:00.000Z' } })
      .then([created]);
    spec()
      .when({ type: 'create', data: { ...link, expiresAt: null, now: '2026-07-01T00:00:00.000Z' } })
      .then([{ type: 'share.created.v1', data: { ...link, expiresAt: null } }]);
    spec()
      .when({ type: 'create', data: { ...link, now: '2026-08-02T00:00:00.000Z' } })
      .thenThrows('SHARE_EXPIRY_IN_PAST');
    spec()
      .given([created])
      .when({ type: 'create', data: { ...link, now: 'x' } })
      .thenThrows('SHARE_EXISTS');
  });

  it('is revoked by its owner only; others get not found', () => {
    const revoked: ShareLinkEvent = { type: 'share.revoked.v1', data: { shareId: link.shareId } };
    spec()
      .given([created])
      .when({ type: 'revoke', data: { recipientId: 'recipient-1' } })
      .then([revoked]);
    spec()
      .given([created, revoked])
      .when({ type: 'revoke', data: { recipientId: 'recipient-1' } })
      .then([]);
    spec()
      .given([created])
      .when({ type: 'revoke', data: { recipientId: 'intruder' } })
      .thenThrows('SHARE_NOT_FOUND');
    spec()
      .when({ type: 'revoke', data: { recipientId: 'recipient-1' } })
      .thenThrows('SHARE_NOT_FOUND');
  });

  it('resolves until revoked or expired', () => {
    expect(shareResolves({ status: 'active', expiresAt: link.expiresAt }, '2026-07-31T23:59:59.000Z')).toBe(true);
    expect(shareResolves({ status: 'active', expiresAt: link.expiresAt }, link.expiresAt)).toBe(false);
    expect(shareResolves({ status: 'revoked', expiresAt: null }, '2026-07-01T00:00:00.000Z')).toBe(false);
  });
});

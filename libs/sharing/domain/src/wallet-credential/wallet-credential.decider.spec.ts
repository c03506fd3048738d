import { deciderSpec } from '@credstream/event-sourcing';
import { walletCredentialDecider } from './wallet-credential.decider';
import type { WalletCredentialCommand } from './wallet-credential.commands';
import type { WalletCredentialEvent } from './wallet-credential.events';

const credentialId = '01932c8e-0000-7000-8000-000000000003';
const recipientKey = 'a'.repeat(64);
const delivered: WalletCredentialEvent = {
  type: 'wallet-credential.delivered',
  data: {
    credentialId,
    tenantId: 'uni-lisbon',
    recipientKey,
    claimTokenHash: 'hash-1',
    claimTokenExpiresAt: '2026-07-08T00:00:00.000Z',
  },
};
const claim = (overrides: Partial<Extract<WalletCredentialCommand, { type: 'claim' }>['data']> = {}) =>
  ({
    type: 'claim',
    data: {
      claimTokenHash: 'hash-1',
      recipientId: 'recipient-1',
      signedInRecipientKey: null,
      now: '2026-07-02T09:15:00.000Z',
      ...overrides,
    },
  }) as const;
const claimed: WalletCredentialEvent = {
  type: 'wallet-credential.claimed',
  data: { recipientId: 'recipient-1', claimedAt: '2026-07-02T09:15:00.000Z' },
};
const spec = () => deciderSpec(walletCredentialDecider);

describe('wallet credential', () => {
  it('is delivered once, however often the issued event arrives', () => {
    spec().when({ type: 'deliver', data: delivered.data }).then([delivered]);
    spec().given([delivered]).when({ type: 'deliver', data: delivered.data }).then([]);
  });

  it('is claimed with the current token before it expires', () => {
    spec().given([delivered]).when(claim()).then([claimed]);
  });

  it('is claimed by a signed-in recipient whose email it was issued to', () => {
    spec()
      .given([delivered])
      .when(claim({ signedInRecipientKey: recipientKey }))
      .then([claimed]);
  });

  it('refuses a reused, wrong, expired, replaced or foreign claim', () => {
    spec().given([delivered, claimed]).when(claim()).thenThrows('CLAIM_TOKEN_USED');
    spec()
      .given([delivered])
      .when(claim({ claimTokenHash: 'other' }))
      .thenThrows('CLAIM_TOKEN_INVALID');
    spec()
      .given([delivered])
      .when(claim({ now: '2026-07-08T00:00:00.000Z' }))
      .thenThrows('CLAIM_TOKEN_EXPIRED');
    spec()
      .given([
        delivered,
        {
          type: 'wallet-credential.claim-token-renewed',
          data: { claimTokenHash: 'hash-2', claimTokenExpiresAt: '2026-07-09T00:00:00.000Z' },
        },
      ])
      .when(claim())
      .thenThrows('CLAIM_TOKEN_INVALID');
    spec()
      .given([delivered])
      .when(claim({ signedInRecipientKey: 'b'.repeat(64) }))
      .thenThrows('CLAIM_EMAIL_MISMATCH');
    spec().when(claim()).thenThrows('CLAIM_TOKEN_INVALID');
  });

  it('records the claim mail once, and renews tokens only while unclaimed', () => {
    const sent: WalletCredentialEvent = { type: 'wallet-credential.claim-mail-sent', data: { sentAt: 'now' } };
    spec()
      .given([delivered])
      .when({ type: 'record-claim-mail-sent', data: { sentAt: 'now' } })
      .then([sent]);
    spec()
      .given([delivered, sent])
      .when({ type: 'record-claim-mail-sent', data: { sentAt: 'now' } })
      .then([]);
    spec()
      .given([delivered, claimed])
      .when({ type: 'renew-claim-token', data: { claimTokenHash: 'x', claimTokenExpiresAt: 'y' } })
      .then([]);
  });

  it('is imported only when nobody holds it', () => {
    const importData = { credentialId, tenantId: 'imported', recipientId: 'recipient-1', recipientKey, now: 'now' };
    spec()
      .when({ type: 'import', data: importData })
      .then([
        {
          type: 'wallet-credential.imported',
          data: { credentialId, tenantId: 'imported', recipientId: 'recipient-1', recipientKey, importedAt: 'now' },
        },
      ]);
    spec().given([delivered]).when({ type: 'import', data: importData }).thenThrows('CREDENTIAL_ALREADY_HELD');
  });

  it('is suspended and reinstated by its issuer; a revoked one stays revoked', () => {
    const suspended: WalletCredentialEvent = {
      type: 'wallet-credential.suspended',
      data: { suspendedAt: '2026-09-01T12:00:00.000Z', reason: 'under review' },
    };
    const reinstated: WalletCredentialEvent = {
      type: 'wallet-credential.reinstated',
      data: { reinstatedAt: '2026-09-15T09:00:00.000Z' },
    };
    spec().given([delivered]).when({ type: 'mark-suspended', data: suspended.data }).then([suspended]);
    spec().given([delivered, suspended]).when({ type: 'mark-suspended', data: suspended.data }).then([]);
    spec().given([delivered, suspended]).when({ type: 'mark-reinstated', data: reinstated.data }).then([reinstated]);
    spec().given([delivered]).when({ type: 'mark-reinstated', data: reinstated.data }).then([]);
    spec()
      .given([delivered, { type: 'wallet-credential.revoked', data: { revokedAt: 'x', reason: null } }])
      .when({ type: 'mark-suspended', data: suspended.data })
      .then([]);
  });

  it('is revoked once and erased only by its holder', () => {
    const revoked: WalletCredentialEvent = {
      type: 'wallet-credential.revoked',
      data: { revokedAt: '2026-09-01T12:00:00.000Z', reason: null },
    };
    spec().given([delivered]).when({ type: 'mark-revoked', data: revoked.data }).then([revoked]);
    spec().given([delivered, revoked]).when({ type: 'mark-revoked', data: revoked.data }).then([]);
    spec()
      .given([delivered, claimed])
      .when({ type: 'erase', data: { recipientId: 'recipient-1', now: 'now' } })
      .then([{ type: 'wallet-credential.erased', data: { erasedAt: 'now' } }]);
    spec()
      .given([delivered, claimed])
      .when({ type: 'erase', data: { recipientId: 'someone-else', now: 'now' } })
      .then([]);
  });
});

import type { EventStore } from '@credstream/event-store';
import { walletCredentialDecider, walletCredentialStreamId } from '@credstream/sharing/domain';
import type { AuthStore, SignedInRecipient } from '../ports/auth-store.port';
import type { Clock } from '../ports/clock.port';
import type { HeldCredentials } from '../ports/held-credentials.port';
import type { RecipientDirectory } from '../ports/recipient-directory.port';
import type { ShareLinks } from '../ports/share-links.port';
import type { RecipientAccounts } from '../support/recipient-accounts';
import { sharingMetadata, type RequestContext } from '../support/sharing-metadata';

/**
 * Erases a recipient: the JWTs, names and decoded credentials are deleted (a tombstone keeps the page a 410),
 * share links stop, sessions end, and `recipient.erased.v1` tells every service to drop what it holds.
 * The credentials themselves stay verifiable: issuer keys and status lists are untouched.
 */
export class EraseAccountHandler {
  constructor(
    private readonly store: EventStore,
    private readonly credentials: HeldCredentials,
    private readonly shares: ShareLinks,
    private readonly directory: RecipientDirectory,
    private readonly auth: AuthStore,
    private readonly accounts: RecipientAccounts,
    private readonly clock: Clock,
  ) {}

  async execute(recipient: SignedInRecipient, context: RequestContext): Promise<void> {
    const now = this.clock.now().toISOString();
    const state = await this.accounts.state(recipient.recipientId);
    for (const held of await this.credentials.listByRecipient(recipient.recipientId)) {
      await this.store.handle(
        walletCredentialStreamId(held.credentialId),
        walletCredentialDecider,
        { type: 'erase', data: { recipientId: recipient.recipientId, now } },
        sharingMetadata(context, held.tenantId, 'wallet-credential', held.credentialId),
        { retriesOnConflict: 3 },
      );
      for (const share of await this.shares.listByCredential(held.credentialId)) {
        if (share.revokedAt === null) await this.shares.markRevoked(share.shareId, now);
      }
      await this.credentials.update(held.credentialId, {
        erasedAt: now,
        jwt: null,
        credential: null,
        display: null,
        recipientName: null,
        recipientKey: null,
        visibility: 'private',
      });
    }
    await this.directory.remove([...new Set([recipient.recipientKey, ...state.recipientKeys])]);
    await this.auth.deleteEverythingOf(recipient.recipientId);
    await this.accounts.handle(recipient.recipientId, { type: 'erase', data: {} }, context);
  }
}

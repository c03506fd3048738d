import type { EventStore } from '@credstream/event-store';
import { walletCredentialDecider, walletCredentialStreamId, WalletCredentialErrors } from '@credstream/sharing/domain';
import type { SignedInRecipient } from '../ports/auth-store.port';
import type { Clock } from '../ports/clock.port';
import type { HeldCredentials } from '../ports/held-credentials.port';
import type { RecipientAccounts } from '../support/recipient-accounts';
import { hashToken } from '../support/secret-token';
import { sharingMetadata, type RequestContext } from '../support/sharing-metadata';

export interface ClaimCredentialCommand {
  credentialId: string;
  token: string;
  signedIn: SignedInRecipient | null;
}

/**
 * Claims a credential with the emailed link: the link proves the email, so the credential joins the wallet
 * of that email's account (created on first claim). The link works once and expires.
 */
export class ClaimCredentialHandler {
  constructor(
    private readonly store: EventStore,
    private readonly credentials: HeldCredentials,
    private readonly accounts: RecipientAccounts,
    private readonly clock: Clock,
  ) {}

  async execute(command: ClaimCredentialCommand, context: RequestContext): Promise<SignedInRecipient> {
    const credentialId = command.credentialId.toLowerCase();
    const held = await this.credentials.get(credentialId);
    if (!held || held.recipientKey === null || held.erasedAt !== null) throw WalletCredentialErrors.claimTokenInvalid();
    if (command.signedIn && command.signedIn.recipientKey !== held.recipientKey) {
      throw WalletCredentialErrors.claimEmailMismatch();
    }
    const now = this.clock.now().toISOString();
    // Checked before any account is created, so a bad link changes nothing.
    const { state } = await this.store.aggregate(walletCredentialStreamId(credentialId), walletCredentialDecider);
    walletCredentialDecider.decide(
      {
        type: 'claim',
        data: { claimTokenHash: hashToken(command.token), recipientId: 'check', signedInRecipientKey: null, now },
      },
      state,
    );
    const recipientId = command.signedIn?.recipientId ?? (await this.accounts.accountFor(held.recipientKey, context));
    await this.store.handle(
      walletCredentialStreamId(credentialId),
      walletCredentialDecider,
      {
        type: 'claim',
        data: {
          claimTokenHash: hashToken(command.token),
          recipientId,
          signedInRecipientKey: command.signedIn?.recipientKey ?? null,
          now,
        },
      },
      sharingMetadata(context, held.tenantId, 'wallet-credential', credentialId),
    );
    await this.accounts.handle(
      recipientId,
      { type: 'add-claimed-credential', data: { credentialId, now } },
      context,
      held.tenantId,
    );
    await this.credentials.update(credentialId, { recipientId, decision: 'pending' });
    return { recipientId, recipientKey: held.recipientKey };
  }
}

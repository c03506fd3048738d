import type { Decider } from '@credstream/event-sourcing';
import type { WalletCredentialCommand } from './wallet-credential.commands';
import { WalletCredentialErrors } from './wallet-credential.errors';
import type { WalletCredentialEvent } from './wallet-credential.events';
import { initialWalletCredentialState, WalletCredentialState } from './wallet-credential.state';

export const walletCredentialStreamId = (credentialId: string) => `wallet-credential-${credentialId}`;

/**
 * One credential held by the sharing service: delivered with a claim link (single-use, expiring, only its
 * hash kept), claimed into one recipient's wallet, or imported by a recipient; revoked by its issuer; erased.
 */
export const walletCredentialDecider: Decider<WalletCredentialCommand, WalletCredentialEvent, WalletCredentialState> = {
  initialState: initialWalletCredentialState,
  decide(command, state) {
    switch (command.type) {
      case 'deliver':
        if (state.status !== 'unknown') return [];
        return [{ type: 'wallet-credential.delivered', data: command.data }];
      case 'renew-claim-token':
        if (state.status !== 'delivered') return [];
        return [{ type: 'wallet-credential.claim-token-renewed', data: command.data }];
      case 'record-claim-mail-sent':
        if (state.status !== 'delivered' || state.claimMailSent) return [];
        return [{ type: 'wallet-credential.claim-mail-sent', data: command.data }];
      case 'claim':
        return decideClaim(command.data, state);
      case 'import':
        if (state.status === 'erased') throw WalletCredentialErrors.erased(command.data.credentialId);
        if (state.status !== 'unknown') throw WalletCredentialErrors.alreadyHeld(command.data.credentialId);
        return [
          {
            type: 'wallet-credential.imported',
            data: {
              credentialId: command.data.credentialId,
              tenantId: command.data.tenantId,
              recipientId: command.data.recipientId,
              recipientKey: command.data.recipientKey,
              importedAt: command.data.now,
            },
          },
        ];
      case 'mark-revoked':
        if (state.revokedAt !== null || state.status === 'erased') return [];
        return [{ type: 'wallet-credential.revoked', data: command.data }];
      case 'mark-suspended':
        if (state.suspendedAt !== null || state.revokedAt !== null || state.status === 'erased') return [];
        return [{ type: 'wallet-credential.suspended', data: command.data }];
      case 'mark-reinstated':
        if (state.suspendedAt === null || state.status === 'erased') return [];
        return [{ type: 'wallet-credential.reinstated', data: command.data }];
      case 'erase':
        if (state.status === 'erased' || state.recipientId !== command.data.recipientId) return [];
        return [{ type: 'wallet-credential.erased', data: { erasedAt: command.data.now } }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'wallet-credential.delivered':
        return {
          ...state,
          status: 'delivered',
          origin: 'issued',
          tenantId: event.data.tenantId,
          recipientKey: event.data.recipientKey,
          claimTokenHash: event.data.claimTokenHash,
          claimTokenExpiresAt: event.data.claimTokenExpiresAt,
        };
      case 'wallet-credential.claim-token-renewed':
        return {
          ...state,
          claimTokenHash: event.data.claimTokenHash,
          claimTokenExpiresAt: event.data.claimTokenExpiresAt,
        };
      case 'wallet-credential.claim-mail-sent':
        return { ...state, claimMailSent: true };
      case 'wallet-credential.claimed':
        return { ...state, status: 'claimed', recipientId: event.data.recipientId, claimTokenHash: null };
      case 'wallet-credential.imported':
        return {
          ...state,
          status: 'claimed',
          origin: 'imported',
          tenantId: event.data.tenantId,
          recipientKey: event.data.recipientKey,
          recipientId: event.data.recipientId,
        };
      case 'wallet-credential.revoked':
        return { ...state, revokedAt: event.data.revokedAt };
      case 'wallet-credential.suspended':
        return { ...state, suspendedAt: event.data.suspendedAt };
      case 'wallet-credential.reinstated':
        return { ...state, suspendedAt: null };
      case 'wallet-credential.erased':
        return { ...state, status: 'erased', recipientKey: null, claimTokenHash: null };
      default: {
        const unknown: never = event;
        throw new Error(`unknown event ${JSON.stringify(unknown)}`);
      }
    }
  },
};

function decideClaim(
  command: Extract<WalletCredentialCommand, { type: 'claim' }>['data'],
  state: WalletCredentialState,
): WalletCredentialEvent[] {
  if (state.status === 'unknown') throw WalletCredentialErrors.claimTokenInvalid();
  if (state.status === 'erased') throw WalletCredentialErrors.claimTokenInvalid();
  if (state.status === 'claimed') throw WalletCredentialErrors.claimTokenUsed();
  if (state.claimTokenHash === null || state.claimTokenHash !== command.claimTokenHash) {
    throw WalletCredentialErrors.claimTokenInvalid();
  }
  if (state.claimTokenExpiresAt !== null && command.now >= state.claimTokenExpiresAt) {
    throw WalletCredentialErrors.claimTokenExpired(state.claimTokenExpiresAt);
  }
  if (command.signedInRecipientKey !== null && command.signedInRecipientKey !== state.recipientKey) {
    throw WalletCredentialErrors.claimEmailMismatch();
  }
  return [{ type: 'wallet-credential.claimed', data: { recipientId: command.recipientId, claimedAt: command.now } }];
}

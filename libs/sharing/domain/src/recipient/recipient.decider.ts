import type { Decider } from '@credstream/event-sourcing';
import type { RecipientCommand } from './recipient.commands';
import { RecipientErrors } from './recipient.errors';
import type { RecipientEvent } from './recipient.events';
import { initialRecipientState, RecipientState, WalletItem } from './recipient.state';

export const recipientStreamId = (recipientId: string) => `recipient-${recipientId}`;

/**
 * A recipient account (one per email, across every institution) and its wallet. New credentials start
 * pending and public: once accepted, their page resolves unless the recipient makes them private.
 */
export const recipientDecider: Decider<RecipientCommand, RecipientEvent, RecipientState> = {
  initialState: initialRecipientState,
  decide(command, state) {
    if (command.type === 'register') {
      if (state.status === 'erased') throw RecipientErrors.erased();
      if (state.status === 'active') return [];
      return [
        {
          type: 'recipient.registered',
          data: {
            recipientId: command.data.recipientId,
            recipientKey: command.data.recipientKey,
            registeredAt: command.data.now,
          },
        },
      ];
    }
    const recipientId = activeRecipientId(state);
    switch (command.type) {
      case 'add-claimed-credential':
        if (state.wallet[command.data.credentialId]) return [];
        return [
          {
            type: 'credential.claimed.v1',
            data: { credentialId: command.data.credentialId, recipientId, claimedAt: command.data.now },
          },
        ];
      case 'add-imported-credential':
        if (state.wallet[command.data.credentialId]) return [];
        return [
          {
            type: 'wallet.credential-imported',
            data: { credentialId: command.data.credentialId, recipientId, importedAt: command.data.now },
          },
        ];
      case 'accept-credential': {
        const item = walletItem(state, command.data.credentialId);
        if (item.decision === 'accepted') return [];
        return [{ type: 'credential.accepted.v1', data: { credentialId: command.data.credentialId, recipientId } }];
      }
      case 'decline-credential': {
        const item = walletItem(state, command.data.credentialId);
        if (item.decision === 'declined') return [];
        return [{ type: 'credential.declined.v1', data: { credentialId: command.data.credentialId, recipientId } }];
      }
      case 'change-visibility': {
        const item = walletItem(state, command.data.credentialId);
        if (item.visibility === command.data.visibility) return [];
        if (command.data.visibility === 'public' && item.decision === 'declined') {
          throw RecipientErrors.declined(command.data.credentialId);
        }
        return [
          {
            type: 'credential.visibility-changed.v1',
            data: { credentialId: command.data.credentialId, recipientId, visibility: command.data.visibility },
          },
        ];
      }
      case 'record-download':
        walletItem(state, command.data.credentialId);
        return [
          {
            type: 'credential.downloaded.v1',
            data: { credentialId: command.data.credentialId, recipientId, format: command.data.format },
          },
        ];
      case 'erase':
        return [{ type: 'recipient.erased.v1', data: { recipientId, recipientKeys: [...state.recipientKeys] } }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'recipient.registered':
        return {
          ...state,
          status: 'active',
          recipientId: event.data.recipientId,
          recipientKeys: [...state.recipientKeys, event.data.recipientKey],
        };
      case 'credential.claimed.v1':
      case 'wallet.credential-imported':
        return withItem(state, event.data.credentialId, { decision: 'pending', visibility: 'public' });
      case 'credential.accepted.v1':
        return withItem(state, event.data.credentialId, { decision: 'accepted' });
      case 'credential.declined.v1':
        return withItem(state, event.data.credentialId, { decision: 'declined', visibility: 'private' });
      case 'credential.visibility-changed.v1':
        return withItem(state, event.data.credentialId, { visibility: event.data.visibility });
      case 'credential.downloaded.v1':
        return state;
      case 'recipient.erased.v1':
        return { ...state, status: 'erased', recipientKeys: [], wallet: {} };
      default: {
        const unknown: never = event;
        throw new Error(`unknown event ${JSON.stringify(unknown)}`);
      }
    }
  },
};

function activeRecipientId(state: RecipientState): string {
  if (state.status === 'erased') throw RecipientErrors.erased();
  if (state.status !== 'active' || state.recipientId === null) throw RecipientErrors.notRegistered();
  return state.recipientId;
}

function walletItem(state: RecipientState, credentialId: string): WalletItem {
  const item = state.wallet[credentialId];
  if (!item) throw RecipientErrors.notInWallet(credentialId);
  return item;
}

function withItem(state: RecipientState, credentialId: string, change: Partial<WalletItem>): RecipientState {
  const current = state.wallet[credentialId] ?? { decision: 'pending', visibility: 'public' };
  return { ...state, wallet: { ...state.wallet, [credentialId]: { ...current, ...change } } };
}

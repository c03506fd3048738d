import type { Decider, DomainCommand } from '@credstream/event-sourcing';
import {
  LastVerifierKeyError,
  TooManyVerifierKeysError,
  VerifierKeyNotFoundError,
  VerifierOrganisationExistsError,
  VerifierOrganisationNotFoundError,
} from './verifier-organisation.errors';
import type { VerifierKeyHash, VerifierOrganisationEvent, VerifierProfile } from './verifier-organisation.events';

export const MAX_ACTIVE_VERIFIER_KEYS = 5;

/** Time and key material come in with the command: the decider reads no clock and makes no secrets. */
export type VerifierOrganisationCommand =
  | DomainCommand<
      'register-verifier-organisation',
      { organisationId: string; profile: VerifierProfile; key: VerifierKeyHash; at: string }
    >
  | DomainCommand<'issue-verifier-key', { organisationId: string; key: VerifierKeyHash; at: string }>
  | DomainCommand<'revoke-verifier-key', { organisationId: string; keyId: string; at: string }>;

export interface VerifierOrganisationState {
  registered: boolean;
  activeKeyIds: readonly string[];
}

export const verifierOrganisationDecider: Decider<
  VerifierOrganisationCommand,
  VerifierOrganisationEvent,
  VerifierOrganisationState
> = {
  initialState: () => ({ registered: false, activeKeyIds: [] }),

  decide(command, state) {
    switch (command.type) {
      case 'register-verifier-organisation': {
        const { organisationId, profile, key, at } = command.data;
        if (state.registered) throw new VerifierOrganisationExistsError(organisationId);
        return [
          { type: 'verifier-organisation.registered', data: { organisationId, ...profile, key, registeredAt: at } },
        ];
      }
      case 'issue-verifier-key': {
        const { organisationId, key, at } = command.data;
        if (!state.registered) throw new VerifierOrganisationNotFoundError(organisationId);
        if (state.activeKeyIds.length >= MAX_ACTIVE_VERIFIER_KEYS) {
          throw new TooManyVerifierKeysError(MAX_ACTIVE_VERIFIER_KEYS);
        }
        return [{ type: 'verifier-organisation.key-issued', data: { organisationId, key, issuedAt: at } }];
      }
      case 'revoke-verifier-key': {
        const { organisationId, keyId, at } = command.data;
        if (!state.registered) throw new VerifierOrganisationNotFoundError(organisationId);
        if (!state.activeKeyIds.includes(keyId)) throw new VerifierKeyNotFoundError(keyId);
        if (state.activeKeyIds.length === 1) throw new LastVerifierKeyError(keyId);
        return [{ type: 'verifier-organisation.key-revoked', data: { organisationId, keyId, revokedAt: at } }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'verifier-organisation.registered':
        return { registered: true, activeKeyIds: [event.data.key.keyId] };
      case 'verifier-organisation.key-issued':
        return { ...state, activeKeyIds: [...state.activeKeyIds, event.data.key.keyId] };
      case 'verifier-organisation.key-revoked':
        return { ...state, activeKeyIds: state.activeKeyIds.filter((keyId) => keyId !== event.data.keyId) };
      default: {
        const unknown: never = event;
        throw new Error(`unknown event ${JSON.stringify(unknown)}`);
      }
    }
  },
};

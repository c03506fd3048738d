import type { Decider } from '@credstream/event-sourcing';
import { isBlank, isTimestamp } from '../common/domain-guards';
import { omitUndefined } from '../common/omit-undefined';
import { credentialIssued } from './credential-issuance.policy';
import type { CredentialCommand } from './credential.commands';
import { CREDENTIAL_ERROR_CODES as CODES, CredentialError } from './credential.errors';
import type { CredentialEvent } from './credential.events';
import type { CredentialState } from './credential.state';

type IssuedCredential = CredentialState & { credentialId: string };

export const credentialDecider: Decider<CredentialCommand, CredentialEvent, CredentialState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'issue-credential':
        if (state.status !== 'none') {
          throw new CredentialError(CODES.alreadyIssued, `credential ${state.credentialId} was issued already`);
        }
        return [{ type: 'credential.issued.v1', data: credentialIssued(command.data) }];
      case 'revoke-credential': {
        const credential = requireIssued(state);
        if (credential.status === 'revoked')
          throw new CredentialError(CODES.alreadyRevoked, 'the credential is already revoked');
        const { credentialId } = credential;
        const revokedAt = timestamp(command.data.revokedAt, 'revokedAt');
        return [
          { type: 'credential.revoked.v1', data: { credentialId, revokedAt, reason: reason(command.data.reason) } },
        ];
      }
      case 'suspend-credential': {
        const credential = requireIssued(state);
        if (credential.status === 'revoked')
          throw new CredentialError(CODES.revoked, 'a revoked credential cannot be suspended');
        if (credential.status === 'suspended')
          throw new CredentialError(CODES.alreadySuspended, 'the credential is already suspended');
        if (!credential.suspension) {
          throw new CredentialError(
            CODES.notSuspendable,
            'the credential was issued without a suspension status entry',
          );
        }
        const { credentialId } = credential;
        const suspendedAt = timestamp(command.data.suspendedAt, 'suspendedAt');
        return [
          { type: 'credential.suspended.v1', data: { credentialId, suspendedAt, reason: reason(command.data.reason) } },
        ];
      }
      case 'reinstate-credential': {
        const credential = requireIssued(state);
        if (credential.status !== 'suspended') {
          throw new CredentialError(
            CODES.notSuspended,
            `only a suspended credential can be reinstated (it is ${credential.status})`,
          );
        }
        const data = {
          credentialId: credential.credentialId,
          reinstatedAt: timestamp(command.data.reinstatedAt, 'reinstatedAt'),
          reason: isBlank(command.data.reason) ? undefined : command.data.reason?.trim(),
        };
        return [{ type: 'credential.reinstated.v1', data: omitUndefined(data) }];
      }
      default: {
        const _exhaustive: never = command;
        throw new Error(`unknown credential command ${JSON.stringify(_exhaustive)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'credential.issued.v1': {
        const { credentialId, tenantId, issuerId, statusListId, statusListIndex } = event.data;
        const { suspensionStatusListId, suspensionStatusListIndex } = event.data;
        const suspension =
          suspensionStatusListId === undefined || suspensionStatusListIndex === undefined
            ? undefined
            : { statusListId: suspensionStatusListId, index: suspensionStatusListIndex };
        const revocation = { statusListId, index: statusListIndex };
        return omitUndefined({ status: 'issued', credentialId, tenantId, issuerId, revocation, suspension });
      }
      case 'credential.revoked.v1':
        return { ...state, status: 'revoked' };
      case 'credential.suspended.v1':
        return { ...state, status: 'suspended' };
      case 'credential.reinstated.v1':
        return { ...state, status: 'issued' };
      default: {
        const _exhaustive: never = event;
        throw new Error(`unknown credential event ${JSON.stringify(_exhaustive)}`);
      }
    }
  },
};

function requireIssued(state: CredentialState): IssuedCredential {
  if (state.status === 'none' || state.credentialId === undefined) {
    throw new CredentialError(CODES.notFound, 'the credential does not exist');
  }
  return state as IssuedCredential;
}

function reason(value: string): string {
  if (isBlank(value)) throw new CredentialError(CODES.reasonRequired, 'give a reason', { field: 'reason' });
  return value.trim();
}

function timestamp(value: string, field: string): string {
  if (!isTimestamp(value)) throw new CredentialError(CODES.timestampInvalid, `${field} must be ISO-8601`, { field });
  return value;
}

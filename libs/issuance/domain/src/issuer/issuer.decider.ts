import type { Decider } from '@credstream/event-sourcing';
import { isBlank, isTimestamp, isUuid } from '../common/domain-guards';
import { sameValue } from '../common/same-value';
import { assertIssuerDid, normalizeIssuerProfile } from './issuer-profile.policy';
import type { CreateIssuer, IssuerCommand, NewSigningKey, RevokeSigningKey } from './issuer.commands';
import { ISSUER_ERROR_CODES as CODES, IssuerError } from './issuer.errors';
import type { IssuerEvent, IssuerProfile } from './issuer.events';
import type { IssuerState, SigningKeyState } from './issuer.state';
import { signingKeyAdded } from './signing-key.policy';

type ExistingIssuer = IssuerState & { issuerId: string };

export const issuerDecider: Decider<IssuerCommand, IssuerEvent, IssuerState> = {
  initialState: () => ({ tenantId: '', did: '', profile: { name: '' }, keys: {}, activeKid: null }),

  decide(command, state) {
    switch (command.type) {
      case 'create-issuer':
        return createIssuer(command.data, state);
      case 'update-issuer-profile':
        return updateProfile(command.data.profile, requireIssuer(state));
      case 'add-signing-key': {
        const issuer = requireIssuer(state);
        if (issuer.activeKid !== null) {
          throw new IssuerError(CODES.activeKeyExists, 'the issuer has an active key: rotate it instead', {
            activeKid: issuer.activeKid,
          });
        }
        return activateNewKey(command.data, issuer);
      }
      case 'rotate-signing-key': {
        const issuer = requireIssuer(state);
        if (issuer.activeKid === null) throw new IssuerError(CODES.noActiveKey, 'there is no active key to rotate');
        return activateNewKey(command.data, issuer);
      }
      case 'revoke-signing-key':
        return revokeKey(command.data, requireIssuer(state));
      default: {
        const _exhaustive: never = command;
        throw new Error(`unknown issuer command ${JSON.stringify(_exhaustive)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'issuer.created.v1': {
        const { issuerId, tenantId, did, ...profile } = event.data;
        return { ...state, issuerId, tenantId, did, profile };
      }
      case 'issuer.profile-updated': {
        const { issuerId: _issuerId, ...profile } = event.data;
        return { ...state, profile };
      }
      case 'issuer.signing-key-added': {
        const { kid, alg, publicKeyJwk, keyRef } = event.data;
        return withKey(state, { kid, alg, publicKeyJwk, keyRef, status: 'retired' });
      }
      case 'issuer.key-activated.v1': {
        const previous = state.activeKid === null ? state : setStatus(state, state.activeKid, 'retired');
        return { ...setStatus(previous, event.data.kid, 'active'), activeKid: event.data.kid };
      }
      case 'issuer.signing-key-revoked': {
        const revoked = setStatus(state, event.data.kid, 'revoked');
        return state.activeKid === event.data.kid ? { ...revoked, activeKid: null } : revoked;
      }
      default: {
        const _exhaustive: never = event;
        throw new Error(`unknown issuer event ${JSON.stringify(_exhaustive)}`);
      }
    }
  },
};

function createIssuer(data: CreateIssuer['data'], state: IssuerState): IssuerEvent[] {
  if (state.issuerId !== undefined) throw new IssuerError(CODES.alreadyExists, `issuer ${state.issuerId} exists`);
  if (!isUuid(data.issuerId)) throw new IssuerError(CODES.idInvalid, 'issuerId must be a UUID', { field: 'issuerId' });
  assertIssuerDid(data.did);
  const profile = normalizeIssuerProfile(data.profile);
  return [
    {
      type: 'issuer.created.v1',
      data: { issuerId: data.issuerId, tenantId: data.tenantId, did: data.did, ...profile },
    },
  ];
}

function updateProfile(profile: IssuerProfile, issuer: ExistingIssuer): IssuerEvent[] {
  const normalized = normalizeIssuerProfile(profile);
  if (sameValue(normalized, issuer.profile)) return [];
  return [{ type: 'issuer.profile-updated', data: { issuerId: issuer.issuerId, ...normalized } }];
}

function activateNewKey(key: NewSigningKey, issuer: ExistingIssuer): IssuerEvent[] {
  const added = signingKeyAdded(issuer.issuerId, issuer.did, key);
  if (issuer.keys[added.kid]) {
    throw new IssuerError(CODES.keyDuplicate, `key ${added.kid} already exists`, { field: 'fragment', kid: added.kid });
  }
  const { keyRef: _keyRef, ...publicPart } = added;
  return [
    { type: 'issuer.signing-key-added', data: added },
    { type: 'issuer.key-activated.v1', data: { ...publicPart, replacesKid: issuer.activeKid } },
  ];
}

function revokeKey(data: RevokeSigningKey['data'], issuer: ExistingIssuer): IssuerEvent[] {
  const kid = data.kid.includes('#') ? data.kid : `${issuer.did}#${data.kid}`;
  const key = issuer.keys[kid];
  if (!key) throw new IssuerError(CODES.keyNotFound, `key ${kid} does not exist`, { kid });
  if (key.status === 'revoked') throw new IssuerError(CODES.keyAlreadyRevoked, `key ${kid} is already revoked`);
  if (isBlank(data.reason)) throw new IssuerError(CODES.reasonRequired, 'say why the key is revoked');
  if (!isTimestamp(data.revokedAt)) throw new IssuerError(CODES.timestampInvalid, 'revokedAt must be ISO-8601');
  return [
    {
      type: 'issuer.signing-key-revoked',
      data: { issuerId: issuer.issuerId, kid, reason: data.reason.trim(), revokedAt: data.revokedAt },
    },
  ];
}

function requireIssuer(state: IssuerState): ExistingIssuer {
  if (state.issuerId === undefined) throw new IssuerError(CODES.notFound, 'the issuer does not exist');
  return state as ExistingIssuer;
}

function withKey(state: IssuerState, key: SigningKeyState): IssuerState {
  return { ...state, keys: { ...state.keys, [key.kid]: key } };
}

function setStatus(state: IssuerState, kid: string, status: SigningKeyState['status']): IssuerState {
  const key = state.keys[kid];
  return key ? withKey(state, { ...key, status }) : state;
}

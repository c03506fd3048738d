import { DomainError } from '@credstream/event-sourcing';

export class InvalidVerifierProfileError extends DomainError {
  constructor(
    readonly field: 'name' | 'sector' | 'country',
    message: string,
  ) {
    super('VERIFIER_PROFILE_INVALID', message, { field });
  }
}

export class VerifierOrganisationExistsError extends DomainError {
  constructor(organisationId: string) {
    super('VERIFIER_ORGANISATION_EXISTS', `verifier organisation ${organisationId} is already registered`);
  }
}

export class VerifierOrganisationNotFoundError extends DomainError {
  constructor(organisationId: string) {
    super('VERIFIER_ORGANISATION_NOT_FOUND', `verifier organisation ${organisationId} is not registered`);
  }
}

export class VerifierKeyNotFoundError extends DomainError {
  constructor(keyId: string) {
    super('VERIFIER_KEY_NOT_FOUND', `the organisation has no active key ${keyId}`, { keyId });
  }
}

/** Revoking the last active key would lock the organisation out: issue a new one first. */
export class LastVerifierKeyError extends DomainError {
  constructor(keyId: string) {
    super('VERIFIER_LAST_KEY', `key ${keyId} is the organisation's only active key; issue another one first`, {
      keyId,
    });
  }
}

export class TooManyVerifierKeysError extends DomainError {
  constructor(limit: number) {
    super('VERIFIER_TOO_MANY_KEYS', `an organisation holds at most ${limit} active keys; revoke one first`, { limit });
  }
}

import { DomainError } from '@credstream/event-sourcing';

export const RECIPIENT_ERROR_CODES = {
  emailInvalid: 'RECIPIENT_EMAIL_INVALID',
  didInvalid: 'RECIPIENT_DID_INVALID',
  saltRequired: 'RECIPIENT_SALT_REQUIRED',
} as const;

export class RecipientEmailInvalidError extends DomainError {
  constructor() {
    // The address itself stays out of the message and details: errors are logged.
    super(RECIPIENT_ERROR_CODES.emailInvalid, 'the recipient email address is not valid', { field: 'email' });
  }
}

export class RecipientDidInvalidError extends DomainError {
  constructor(did: string) {
    super(RECIPIENT_ERROR_CODES.didInvalid, `"${did}" is not a DID (did:<method>:<id>, no path or fragment)`, {
      field: 'did',
    });
  }
}

export class RecipientSaltRequiredError extends DomainError {
  constructor() {
    super(RECIPIENT_ERROR_CODES.saltRequired, 'an email recipient needs a non-empty salt for its identityHash', {
      field: 'salt',
    });
  }
}

import { DomainError } from '@credstream/event-sourcing';

export const WalletCredentialErrors = {
  notFound: (credentialId: string) =>
    new DomainError('CREDENTIAL_NOT_FOUND', `no credential ${credentialId}`, { credentialId }),
  claimTokenInvalid: () => new DomainError('CLAIM_TOKEN_INVALID', 'the claim link is not valid for this credential'),
  claimTokenUsed: () => new DomainError('CLAIM_TOKEN_USED', 'the claim link was already used'),
  claimTokenExpired: (expiredAt: string) =>
    new DomainError('CLAIM_TOKEN_EXPIRED', `the claim link expired at ${expiredAt}`, { expiredAt }),
  claimEmailMismatch: () =>
    new DomainError(
      'CLAIM_EMAIL_MISMATCH',
      'the credential was issued to another email address than the one you are signed in with',
    ),
  alreadyHeld: (credentialId: string) =>
    new DomainError('CREDENTIAL_ALREADY_HELD', `credential ${credentialId} is already held by a wallet`, {
      credentialId,
    }),
  erased: (credentialId: string) =>
    new DomainError('CREDENTIAL_ERASED', `credential ${credentialId} was erased`, { credentialId }),
};

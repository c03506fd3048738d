import { DomainError } from '@credstream/event-sourcing';

export const RecipientErrors = {
  notRegistered: () => new DomainError('RECIPIENT_NOT_FOUND', 'no such recipient account'),
  erased: () => new DomainError('RECIPIENT_ERASED', 'this recipient account was erased'),
  notInWallet: (credentialId: string) =>
    new DomainError('CREDENTIAL_NOT_IN_WALLET', `credential ${credentialId} is not in this wallet`, { credentialId }),
  declined: (credentialId: string) =>
    new DomainError('CREDENTIAL_DECLINED', `credential ${credentialId} was declined; accept it first`, {
      credentialId,
    }),
};

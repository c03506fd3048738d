import type { CredentialOrigin } from './wallet-credential.events';

export interface WalletCredentialState {
  status: 'unknown' | 'delivered' | 'claimed' | 'erased';
  origin: CredentialOrigin | null;
  tenantId: string | null;
  recipientKey: string | null;
  claimTokenHash: string | null;
  claimTokenExpiresAt: string | null;
  claimMailSent: boolean;
  recipientId: string | null;
  revokedAt: string | null;
  suspendedAt: string | null;
}

export const initialWalletCredentialState = (): WalletCredentialState => ({
  status: 'unknown',
  origin: null,
  tenantId: null,
  recipientKey: null,
  claimTokenHash: null,
  claimTokenExpiresAt: null,
  claimMailSent: false,
  recipientId: null,
  revokedAt: null,
  suspendedAt: null,
});

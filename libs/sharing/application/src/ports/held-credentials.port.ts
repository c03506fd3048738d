import type { CredentialDisplay, CredentialOrigin, Visibility, WalletDecision } from '@credstream/sharing/domain';

/**
 * A credential as the sharing service holds it: the read model behind wallets and public pages, and the
 * only place personal data lives (the JWT, the recipient's name). Erasure empties it and leaves a tombstone.
 */
export interface HeldCredential {
  credentialId: string;
  tenantId: string;
  origin: CredentialOrigin;
  recipientKey: string | null;
  recipientId: string | null;
  recipientName: string | null;
  jwt: string | null;
  credential: Record<string, unknown> | null;
  display: CredentialDisplay | null;
  decision: 'unclaimed' | WalletDecision;
  visibility: Visibility;
  revokedAt: string | null;
  revocationReason: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  erasedAt: string | null;
  receivedAt: string;
}

/** A held credential that has not been erased: its content is there. */
export type ReadableCredential = HeldCredential & { display: CredentialDisplay; jwt: string };

export const isReadable = (held: HeldCredential): held is ReadableCredential =>
  held.erasedAt === null && held.display !== null && held.jwt !== null;

export type HeldCredentialChange = Partial<Omit<HeldCredential, 'credentialId'>>;

export interface HeldCredentials {
  /** Stores the credential unless one with its id is already held; true when it was stored. */
  insertIfAbsent(credential: HeldCredential): Promise<boolean>;
  update(credentialId: string, change: HeldCredentialChange): Promise<void>;
  get(credentialId: string): Promise<HeldCredential | null>;
  listByRecipient(recipientId: string): Promise<HeldCredential[]>;
}

export const HELD_CREDENTIALS = Symbol('HELD_CREDENTIALS');

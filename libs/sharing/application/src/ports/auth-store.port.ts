export interface SignedInRecipient {
  recipientId: string;
  recipientKey: string;
}

/** Magic links and sessions, stored by the sha256 of their secret only. */
export interface AuthStore {
  saveMagicLink(tokenHash: string, recipient: SignedInRecipient, expiresAt: Date): Promise<void>;
  /** Marks the link used and returns its recipient; null when unknown, used or expired. */
  consumeMagicLink(tokenHash: string, now: Date): Promise<SignedInRecipient | null>;
  saveSession(tokenHash: string, recipient: SignedInRecipient, expiresAt: Date): Promise<void>;
  findSession(tokenHash: string, now: Date): Promise<SignedInRecipient | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteEverythingOf(recipientId: string): Promise<void>;
}

export const AUTH_STORE = Symbol('AUTH_STORE');

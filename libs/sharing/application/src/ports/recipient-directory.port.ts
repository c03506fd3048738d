/** recipientKey (sha256 of the normalised email) → the one recipient account of that person. */
export interface RecipientDirectory {
  find(recipientKey: string): Promise<string | null>;
  /** Binds the key to `recipientId` unless it is bound already; returns the account the key belongs to. */
  bind(recipientKey: string, recipientId: string): Promise<string>;
  remove(recipientKeys: readonly string[]): Promise<void>;
}

export const RECIPIENT_DIRECTORY = Symbol('RECIPIENT_DIRECTORY');

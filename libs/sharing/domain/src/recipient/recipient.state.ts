import type { Visibility } from './recipient.events';

export type WalletDecision = 'pending' | 'accepted' | 'declined';

export interface WalletItem {
  decision: WalletDecision;
  visibility: Visibility;
}

export interface RecipientState {
  status: 'unregistered' | 'active' | 'erased';
  recipientId: string | null;
  recipientKeys: readonly string[];
  wallet: Readonly<Record<string, WalletItem>>;
}

export const initialRecipientState = (): RecipientState => ({
  status: 'unregistered',
  recipientId: null,
  recipientKeys: [],
  wallet: {},
});

/** A credential's page is public only once its recipient accepted it and left it public. */
export const isPubliclyVisible = (item: WalletItem | undefined): boolean =>
  item !== undefined && item.decision === 'accepted' && item.visibility === 'public';

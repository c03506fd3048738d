import type { ShareChannel } from '@credstream/sharing/domain';

export interface ShareLinkView {
  shareId: string;
  tenantId: string;
  credentialId: string;
  recipientId: string;
  channel: ShareChannel;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface ShareLinks {
  save(share: ShareLinkView): Promise<void>;
  get(shareId: string): Promise<ShareLinkView | null>;
  listByCredential(credentialId: string): Promise<ShareLinkView[]>;
  markRevoked(shareId: string, revokedAt: string): Promise<void>;
}

export const SHARE_LINKS = Symbol('SHARE_LINKS');

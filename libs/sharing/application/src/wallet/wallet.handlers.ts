import { badgeImageUrlOf, RecipientErrors, type DownloadFormat, type Visibility } from '@credstream/sharing/domain';
import type { SignedInRecipient } from '../ports/auth-store.port';
import type { BadgeBaker, BakedImageType } from '../ports/badge-baker.port';
import {
  isReadable,
  type HeldCredential,
  type HeldCredentials,
  type ReadableCredential,
} from '../ports/held-credentials.port';
import type { RecipientAccounts } from '../support/recipient-accounts';
import type { RequestContext } from '../support/sharing-metadata';
import type { SharingUrls } from '../support/sharing-urls';

export interface WalletItemView {
  credentialId: string;
  name: string;
  achievement: string;
  issuer: string;
  origin: HeldCredential['origin'];
  decision: HeldCredential['decision'];
  visibility: Visibility;
  revoked: boolean;
  validFrom: string;
  validUntil: string | null;
  publicUrl: string;
}

export interface Download {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  jwt: 'application/jwt',
  json: 'application/vc+ld+json',
  png: 'image/png',
  svg: 'image/svg+xml',
};

/** The wallet of the signed-in recipient: every credential they hold, from every institution. */
export class WalletHandlers {
  constructor(
    private readonly credentials: HeldCredentials,
    private readonly accounts: RecipientAccounts,
    private readonly baker: BadgeBaker,
    private readonly urls: SharingUrls,
  ) {}

  async list(recipient: SignedInRecipient): Promise<WalletItemView[]> {
    const held = await this.credentials.listByRecipient(recipient.recipientId);
    return held
      .filter(isReadable)
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
      .map((credential) => this.view(credential));
  }

  async accept(recipient: SignedInRecipient, credentialId: string, context: RequestContext): Promise<WalletItemView> {
    const held = await this.owned(recipient, credentialId);
    await this.accounts.handle(
      recipient.recipientId,
      { type: 'accept-credential', data: { credentialId: held.credentialId } },
      context,
      held.tenantId,
    );
    return this.updated(held, { decision: 'accepted' });
  }

  async decline(recipient: SignedInRecipient, credentialId: string, context: RequestContext): Promise<WalletItemView> {
    const held = await this.owned(recipient, credentialId);
    await this.accounts.handle(
      recipient.recipientId,
      { type: 'decline-credential', data: { credentialId: held.credentialId } },
      context,
      held.tenantId,
    );
    return this.updated(held, { decision: 'declined', visibility: 'private' });
  }

  async changeVisibility(
    recipient: SignedInRecipient,
    credentialId: string,
    visibility: Visibility,
    context: RequestContext,
  ): Promise<WalletItemView> {
    const held = await this.owned(recipient, credentialId);
    await this.accounts.handle(
      recipient.recipientId,
      { type: 'change-visibility', data: { credentialId: held.credentialId, visibility } },
      context,
      held.tenantId,
    );
    return this.updated(held, { visibility });
  }

  async download(
    recipient: SignedInRecipient,
    credentialId: string,
    format: DownloadFormat,
    context: RequestContext,
  ): Promise<Download> {
    const held = await this.owned(recipient, credentialId);
    const body = this.render(held, format);
    await this.accounts.handle(
      recipient.recipientId,
      { type: 'record-download', data: { credentialId: held.credentialId, format } },
      context,
      held.tenantId,
    );
    return { body, contentType: CONTENT_TYPES[format], fileName: `credential-${held.credentialId}.${format}` };
  }

  /** A credential of this recipient; anyone else's is reported exactly like a missing one. */
  async owned(recipient: SignedInRecipient, credentialId: string): Promise<ReadableCredential> {
    const held = await this.credentials.get(credentialId.toLowerCase());
    if (!held || held.recipientId !== recipient.recipientId || !isReadable(held)) {
      throw RecipientErrors.notInWallet(credentialId);
    }
    return held;
  }

  private render(held: ReadableCredential, format: DownloadFormat): Buffer {
    const { jwt } = held;
    switch (format) {
      case 'jwt':
        return Buffer.from(jwt, 'utf8');
      case 'json':
        return Buffer.from(JSON.stringify(held.credential, null, 2), 'utf8');
      case 'png':
      case 'svg': {
        // Only images carried inside the credential (data: URIs) are baked into; remote ones are never fetched.
        const image =
          inlineImageOf(badgeImageUrlOf(held.display), format) ??
          this.baker.defaultImage(format, held.display.achievement.name);
        return this.baker.bake(format, image, jwt);
      }
    }
  }

  private async updated(
    held: ReadableCredential,
    change: Pick<Partial<HeldCredential>, 'decision' | 'visibility'>,
  ): Promise<WalletItemView> {
    await this.credentials.update(held.credentialId, change);
    return this.view({ ...held, ...change });
  }

  private view(held: ReadableCredential): WalletItemView {
    const { display } = held;
    return {
      credentialId: held.credentialId,
      name: display.name,
      achievement: display.achievement.name,
      issuer: display.issuer.name,
      origin: held.origin,
      decision: held.decision,
      visibility: held.visibility,
      revoked: held.revokedAt !== null,
      validFrom: display.validFrom,
      validUntil: display.validUntil,
      publicUrl: this.urls.credentialPage(held.credentialId),
    };
  }
}

const DATA_URI = /^data:image\/(png|svg\+xml)(;base64)?,(.*)$/s;

function inlineImageOf(url: string | null, type: BakedImageType): Buffer | null {
  const match = url ? DATA_URI.exec(url) : null;
  if (!match || (match[1] === 'png') !== (type === 'png')) return null;
  return match[2] ? Buffer.from(match[3], 'base64') : Buffer.from(decodeURIComponent(match[3]), 'utf8');
}

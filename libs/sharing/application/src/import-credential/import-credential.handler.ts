import type { EventStore } from '@credstream/event-store';
import { DomainError } from '@credstream/event-sourcing';
import { notACredential, walletCredentialDecider, walletCredentialStreamId } from '@credstream/sharing/domain';
import type { SignedInRecipient } from '../ports/auth-store.port';
import type { BadgeBaker } from '../ports/badge-baker.port';
import type { Clock } from '../ports/clock.port';
import type { HeldCredentials } from '../ports/held-credentials.port';
import { decodeCredentialJwt } from '../support/decode-credential-jwt';
import type { RecipientAccounts } from '../support/recipient-accounts';
import { sharingMetadata, type RequestContext } from '../support/sharing-metadata';

export type ImportSource = { kind: 'jwt'; text: string } | { kind: 'png' | 'svg'; image: Buffer };

/** Tenant of credentials issued outside credstream. */
export const IMPORTED_TENANT = 'external';

export const ImportErrors = {
  notBaked: () =>
    new DomainError('IMPORT_NOT_BAKED', 'the image has no baked Open Badges credential', { field: 'body' }),
};

/** Brings a credential issued elsewhere (a VC-JWT, or a baked PNG/SVG) into the wallet so it can be shared. */
export class ImportCredentialHandler {
  constructor(
    private readonly store: EventStore,
    private readonly credentials: HeldCredentials,
    private readonly accounts: RecipientAccounts,
    private readonly baker: BadgeBaker,
    private readonly clock: Clock,
  ) {}

  async execute(recipient: SignedInRecipient, source: ImportSource, context: RequestContext): Promise<string> {
    const jwt = this.jwtOf(source);
    const { credential, display } = decodeCredentialJwt(jwt);
    const now = this.clock.now().toISOString();
    const credentialId = display.credentialId;
    await this.store.handle(
      walletCredentialStreamId(credentialId),
      walletCredentialDecider,
      {
        type: 'import',
        data: {
          credentialId,
          tenantId: IMPORTED_TENANT,
          recipientId: recipient.recipientId,
          recipientKey: recipient.recipientKey,
          now,
        },
      },
      sharingMetadata(context, IMPORTED_TENANT, 'wallet-credential', credentialId),
    );
    await this.credentials.insertIfAbsent({
      credentialId,
      tenantId: IMPORTED_TENANT,
      origin: 'imported',
      recipientKey: recipient.recipientKey,
      recipientId: recipient.recipientId,
      recipientName: null,
      jwt,
      credential,
      display,
      decision: 'pending',
      visibility: 'public',
      revokedAt: null,
      revocationReason: null,
      suspendedAt: null,
      suspensionReason: null,
      erasedAt: null,
      receivedAt: now,
    });
    await this.accounts.handle(
      recipient.recipientId,
      { type: 'add-imported-credential', data: { credentialId, now } },
      context,
      IMPORTED_TENANT,
    );
    return credentialId;
  }

  private jwtOf(source: ImportSource): string {
    if (source.kind === 'jwt') {
      const text = source.text.trim();
      if (text.startsWith('{')) throw notACredential('send the VC-JWT, not JSON');
      return text;
    }
    const jwt = this.baker.extract(source.kind, source.image);
    if (jwt === null) throw ImportErrors.notBaked();
    return jwt.trim();
  }
}

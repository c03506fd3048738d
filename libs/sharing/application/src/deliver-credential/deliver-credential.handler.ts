import type { EventStore } from '@credstream/event-store';
import { DomainError } from '@credstream/event-sourcing';
import { walletCredentialDecider, walletCredentialStreamId } from '@credstream/sharing/domain';
import type { Clock } from '../ports/clock.port';
import type { HeldCredentials } from '../ports/held-credentials.port';
import type { Mailer } from '../ports/mailer.port';
import { decodeCredentialJwt } from '../support/decode-credential-jwt';
import { newSecretToken } from '../support/secret-token';
import { sharingMetadata, type RequestContext } from '../support/sharing-metadata';
import type { SharingUrls } from '../support/sharing-urls';
import { claimMail } from './claim-mail';
import type { CredentialIssued } from './credential-issued';

export interface DeliveryPolicy {
  claimTokenTtlDays: number;
}

export type DeliveryOutcome = 'mailed' | 'already-delivered' | 'no-email';

/**
 * Takes an issued credential into the service and mails its recipient a claim link. Safe to repeat: a
 * redelivered event mails again only if the first mail never went out (with a fresh link, the old one dies).
 */
export class DeliverCredentialHandler {
  constructor(
    private readonly store: EventStore,
    private readonly credentials: HeldCredentials,
    private readonly mailer: Mailer,
    private readonly urls: SharingUrls,
    private readonly clock: Clock,
    private readonly policy: DeliveryPolicy,
  ) {}

  async execute(issued: CredentialIssued, context: RequestContext): Promise<DeliveryOutcome> {
    const { credential, display } = decodeCredentialJwt(issued.jwt);
    if (display.credentialId !== issued.credentialId.toLowerCase()) {
      throw new DomainError('CREDENTIAL_ID_MISMATCH', 'the JWT is of another credential than the event says');
    }
    const now = this.clock.now();
    await this.credentials.insertIfAbsent({
      credentialId: display.credentialId,
      tenantId: issued.tenantId,
      origin: 'issued',
      recipientKey: issued.recipientKey,
      recipientId: null,
      recipientName: issued.recipientName,
      jwt: issued.jwt,
      credential,
      display,
      decision: 'unclaimed',
      visibility: 'public',
      revokedAt: null,
      revocationReason: null,
      suspendedAt: null,
      suspensionReason: null,
      erasedAt: null,
      receivedAt: now.toISOString(),
    });
    const streamId = walletCredentialStreamId(display.credentialId);
    const metadata = sharingMetadata(context, issued.tenantId, 'wallet-credential', display.credentialId);
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(now.getTime() + this.policy.claimTokenTtlDays * 86_400_000).toISOString();
    const delivered = await this.store.handle(
      streamId,
      walletCredentialDecider,
      {
        type: 'deliver',
        data: {
          credentialId: display.credentialId,
          tenantId: issued.tenantId,
          recipientKey: issued.recipientKey,
          claimTokenHash: hash,
          claimTokenExpiresAt: expiresAt,
        },
      },
      metadata,
      // Usually the credential's first event: no need to read a stream that does not exist yet. The commands after
      // it start from the state the store remembers for this stream.
      { known: { state: walletCredentialDecider.initialState(), version: 0 } },
    );
    if (delivered.events.length === 0) {
      if (delivered.state.status !== 'delivered' || delivered.state.claimMailSent) return 'already-delivered';
      await this.store.handle(
        streamId,
        walletCredentialDecider,
        { type: 'renew-claim-token', data: { claimTokenHash: hash, claimTokenExpiresAt: expiresAt } },
        metadata,
      );
    }
    if (!issued.recipientEmail) return 'no-email';
    await this.mailer.send(
      claimMail(
        issued.recipientEmail,
        display,
        this.urls.claimPage(display.credentialId, token),
        this.policy.claimTokenTtlDays,
      ),
    );
    await this.store.handle(
      streamId,
      walletCredentialDecider,
      { type: 'record-claim-mail-sent', data: { sentAt: this.clock.now().toISOString() } },
      metadata,
    );
    return 'mailed';
  }
}

import type { EventStore } from '@credstream/event-store';
import {
  walletCredentialDecider,
  walletCredentialStreamId,
  type WalletCredentialCommand,
} from '@credstream/sharing/domain';
import type { HeldCredentialChange, HeldCredentials } from '../ports/held-credentials.port';
import { sharingMetadata, type RequestContext } from '../support/sharing-metadata';

export type CredentialStatusChange =
  | { kind: 'revoked'; credentialId: string; at: string; reason: string | null }
  | { kind: 'suspended'; credentialId: string; at: string; reason: string | null }
  | { kind: 'reinstated'; credentialId: string; at: string };

/**
 * The issuer revoked, suspended or reinstated a credential: its page says so from then on.
 * Credentials the service does not hold are ignored (false).
 */
export class CredentialStatusHandler {
  constructor(
    private readonly store: EventStore,
    private readonly credentials: HeldCredentials,
  ) {}

  async execute(change: CredentialStatusChange, context: RequestContext): Promise<boolean> {
    const credentialId = change.credentialId.toLowerCase();
    const held = await this.credentials.get(credentialId);
    if (!held) return false;
    const result = await this.store.handle(
      walletCredentialStreamId(credentialId),
      walletCredentialDecider,
      commandOf(change),
      sharingMetadata(context, held.tenantId, 'wallet-credential', credentialId),
      { retriesOnConflict: 3 },
    );
    if (result.events.length > 0 && held.erasedAt === null)
      await this.credentials.update(credentialId, readModelChange(change));
    return true;
  }
}

function commandOf(change: CredentialStatusChange): WalletCredentialCommand {
  switch (change.kind) {
    case 'revoked':
      return { type: 'mark-revoked', data: { revokedAt: change.at, reason: change.reason } };
    case 'suspended':
      return { type: 'mark-suspended', data: { suspendedAt: change.at, reason: change.reason } };
    case 'reinstated':
      return { type: 'mark-reinstated', data: { reinstatedAt: change.at } };
  }
}

function readModelChange(change: CredentialStatusChange): HeldCredentialChange {
  switch (change.kind) {
    case 'revoked':
      return { revokedAt: change.at, revocationReason: change.reason, suspendedAt: null, suspensionReason: null };
    case 'suspended':
      return { suspendedAt: change.at, suspensionReason: change.reason };
    case 'reinstated':
      return { suspendedAt: null, suspensionReason: null };
  }
}

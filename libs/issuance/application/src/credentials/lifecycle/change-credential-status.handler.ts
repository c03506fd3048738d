import type { EventEnvelope } from '@credstream/contracts';
import type { EventStore } from '@credstream/event-store';
import { evolveAll } from '@credstream/event-sourcing';
import {
  CREDENTIAL_ERROR_CODES,
  CredentialError,
  credentialDecider,
  type CredentialCommand,
  type CredentialEvent,
  type CredentialState,
} from '@credstream/issuance/domain';
import type { StatusListService } from '../../status-lists/status-list.service';
import type { CredentialReadModel } from '../ports/credential-read-model.port';
import { credentialStreamId } from '../issue/credential-issuer';

export type StatusChange = 'revoke' | 'suspend' | 'reinstate';

export interface ChangeCredentialStatus {
  tenantId: string;
  credentialId: string;
  change: StatusChange;
  reason?: string;
  correlationId: string;
}

/**
 * Revoke, suspend or reinstate: the credential's event first (the decider refuses what the lifecycle does not
 * allow), then the status list bit and the republished list, then the read model. Repeating a revoke that
 * already happened re-applies the bit, so a crash between the two writes heals on retry.
 */
export class ChangeCredentialStatusHandler {
  constructor(
    private readonly store: EventStore,
    private readonly statusLists: StatusListService,
    private readonly readModel: CredentialReadModel,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(command: ChangeCredentialStatus): Promise<{ status: CredentialState['status'] }> {
    const streamId = credentialStreamId(command.credentialId);
    const envelopes = await this.store.readStream(streamId);
    if (envelopes[0]?.type !== 'credential.issued.v1' || envelopes[0].tenantId !== command.tenantId) {
      throw new CredentialError(CREDENTIAL_ERROR_CODES.notFound, 'the credential does not exist');
    }
    const state = evolveAll(
      credentialDecider,
      envelopes.map(({ type, data }) => ({ type, data }) as CredentialEvent),
    );
    if (state.status === 'none') {
      throw new CredentialError(CREDENTIAL_ERROR_CODES.notFound, 'the credential does not exist');
    }
    const at = this.clock().toISOString();
    let result: { state: CredentialState };
    try {
      result = await this.store.handle(streamId, credentialDecider, this.command(command, at), {
        tenantId: command.tenantId,
        correlationId: command.correlationId,
        causationId: null,
        source: 'issuance',
        aggregateType: 'credential',
        aggregateId: command.credentialId,
      });
    } catch (error) {
      // Already done: re-apply the bits (heals a crash between the two writes), then still refuse.
      if (error instanceof CredentialError && this.alreadyDone(command.change, error.code)) {
        await this.applyStatusBits(state, command);
      }
      throw error;
    }
    await this.applyStatusBits(result.state, command);
    await this.readModel.setStatus(command.credentialId, result.state.status as 'issued' | 'revoked' | 'suspended');
    return { status: result.state.status };
  }

  private command(command: ChangeCredentialStatus, at: string): CredentialCommand {
    const reason = command.reason ?? '';
    switch (command.change) {
      case 'revoke':
        return { type: 'revoke-credential', data: { reason, revokedAt: at } };
      case 'suspend':
        return { type: 'suspend-credential', data: { reason, suspendedAt: at } };
      case 'reinstate':
        return { type: 'reinstate-credential', data: { reason: command.reason, reinstatedAt: at } };
    }
  }

  private alreadyDone(change: StatusChange, code: string): boolean {
    return (
      (change === 'revoke' && code === CREDENTIAL_ERROR_CODES.alreadyRevoked) ||
      (change === 'suspend' && code === CREDENTIAL_ERROR_CODES.alreadySuspended)
    );
  }

  private async applyStatusBits(state: CredentialState, command: ChangeCredentialStatus): Promise<void> {
    if (state.status === 'revoked' && state.revocation) {
      await this.statusLists.setStatus(state.revocation, true, command.correlationId);
    }
    if (state.suspension && command.change !== 'revoke') {
      await this.statusLists.setStatus(state.suspension, state.status === 'suspended', command.correlationId);
    }
  }
}

/** A credential's events as its audit trail (tenant-checked). */
export class CredentialHistoryQuery {
  constructor(private readonly store: EventStore) {}

  async execute(tenantId: string, credentialId: string): Promise<EventEnvelope[]> {
    const events = await this.store.readStream(credentialStreamId(credentialId));
    if (events[0]?.type !== 'credential.issued.v1' || events[0].tenantId !== tenantId) {
      throw new CredentialError(CREDENTIAL_ERROR_CODES.notFound, 'the credential does not exist');
    }
    return events;
  }
}

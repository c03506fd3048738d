import type { EventStore } from '@credstream/event-store';
import { issuerDecider } from '@credstream/issuance/domain';
import type { CommandContext } from '../../common/command-context';
import { executeCommand } from '../../common/execute-command';
import type { IssuerReadModel } from '../issuer-read-model.port';
import { assertOwnedBy, type IssuerRepository } from '../issuer-repository';
import { ISSUER_AGGREGATE, issuerStreamId } from '../issuer-stream';
import type { IssuerView } from '../issuer-view';
import { refreshIssuer } from '../issuer-writes';

/** A compromised key: it leaves the DID document and signs nothing more (rotate to get a new active key). */
export class RevokeSigningKeyHandler {
  constructor(
    private readonly store: EventStore,
    private readonly repository: IssuerRepository,
    private readonly readModel: IssuerReadModel,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(
    issuerId: string,
    request: { kid: string; reason: string },
    context: CommandContext,
    expectedVersion?: number,
  ): Promise<IssuerView> {
    await executeCommand(this.store, {
      streamId: issuerStreamId(issuerId),
      aggregateType: ISSUER_AGGREGATE,
      decider: issuerDecider,
      command: (state) => {
        assertOwnedBy(state, context.tenantId, issuerId);
        return { type: 'revoke-signing-key' as const, data: { ...request, revokedAt: this.now().toISOString() } };
      },
      context,
      expectedVersion,
    });
    return refreshIssuer(this.repository, this.readModel, context.tenantId, issuerId);
  }
}

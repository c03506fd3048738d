import type { EventStore } from '@credstream/event-store';
import { issuerDecider, type IssuerProfile } from '@credstream/issuance/domain';
import type { CommandContext } from '../../common/command-context';
import { executeCommand } from '../../common/execute-command';
import type { IssuerReadModel } from '../issuer-read-model.port';
import { assertOwnedBy, type IssuerRepository } from '../issuer-repository';
import { ISSUER_AGGREGATE, issuerStreamId } from '../issuer-stream';
import type { IssuerView } from '../issuer-view';
import { refreshIssuer } from '../issuer-writes';

/** Replaces an issuer's profile (absent optional fields are cleared); a no-op when nothing changed. */
export class UpdateIssuerProfileHandler {
  constructor(
    private readonly store: EventStore,
    private readonly repository: IssuerRepository,
    private readonly readModel: IssuerReadModel,
  ) {}

  async execute(
    issuerId: string,
    profile: IssuerProfile,
    context: CommandContext,
    expectedVersion?: number,
  ): Promise<IssuerView> {
    await executeCommand(this.store, {
      streamId: issuerStreamId(issuerId),
      aggregateType: ISSUER_AGGREGATE,
      decider: issuerDecider,
      command: (state) => {
        assertOwnedBy(state, context.tenantId, issuerId);
        return { type: 'update-issuer-profile' as const, data: { profile } };
      },
      context,
      expectedVersion,
    });
    return refreshIssuer(this.repository, this.readModel, context.tenantId, issuerId);
  }
}

import type { EventStore } from '@credstream/event-store';
import { issuerDecider, type IssuerState } from '@credstream/issuance/domain';
import type { CommandContext } from '../../common/command-context';
import { executeCommand } from '../../common/execute-command';
import type { SigningKeyAlgorithm, SigningKeyVault } from '../../ports/signing-key-vault.port';
import type { IssuerReadModel } from '../issuer-read-model.port';
import { assertOwnedBy, type IssuerRepository } from '../issuer-repository';
import { ISSUER_AGGREGATE, issuerStreamId } from '../issuer-stream';
import type { IssuerView } from '../issuer-view';
import { refreshIssuer } from '../issuer-writes';

/**
 * Generates a new key in the vault and makes it the issuer's active key (`key-<n+1>`): it signs from now on,
 * the previous key stays in the DID document so credentials it signed keep verifying. With no active key
 * (the last one was revoked), the new key is added as the active one.
 */
export class RotateSigningKeyHandler {
  constructor(
    private readonly store: EventStore,
    private readonly vault: SigningKeyVault,
    private readonly repository: IssuerRepository,
    private readonly readModel: IssuerReadModel,
  ) {}

  async execute(
    issuerId: string,
    algorithm: SigningKeyAlgorithm | undefined,
    context: CommandContext,
    expectedVersion?: number,
  ): Promise<IssuerView> {
    const { state: current } = await this.repository.load(context.tenantId, issuerId);
    const key = await this.vault.createKey(algorithm ?? activeAlgorithm(current) ?? 'ES256');
    await executeCommand(this.store, {
      streamId: issuerStreamId(issuerId),
      aggregateType: ISSUER_AGGREGATE,
      decider: issuerDecider,
      command: (state) => {
        assertOwnedBy(state, context.tenantId, issuerId);
        const data = {
          fragment: `key-${Object.keys(state.keys).length + 1}`,
          alg: key.alg,
          publicJwk: key.publicJwk,
          keyRef: key.keyRef,
        };
        return state.activeKid === null
          ? { type: 'add-signing-key' as const, data }
          : { type: 'rotate-signing-key' as const, data };
      },
      context,
      expectedVersion,
    });
    return refreshIssuer(this.repository, this.readModel, context.tenantId, issuerId);
  }
}

function activeAlgorithm(state: IssuerState): SigningKeyAlgorithm | undefined {
  return state.activeKid === null ? undefined : state.keys[state.activeKid]?.alg;
}

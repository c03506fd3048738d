import { randomUUID } from 'node:crypto';
import { evolveAll } from '@credstream/event-sourcing';
import type { EventStore } from '@credstream/event-store';
import { issuerDecider, type IssuerEvent, type IssuerProfile } from '@credstream/issuance/domain';
import { appendMetadata, type CommandContext } from '../../common/command-context';
import type { SigningKeyAlgorithm, SigningKeyVault } from '../../ports/signing-key-vault.port';
import type { IssuerDidFactory } from '../issuer-did';
import type { IssuerReadModel } from '../issuer-read-model.port';
import type { IssuerRepository } from '../issuer-repository';
import { ISSUER_AGGREGATE, issuerStreamId } from '../issuer-stream';
import type { IssuerView } from '../issuer-view';
import { refreshIssuer } from '../issuer-writes';

export interface CreateIssuerCommand {
  profile: IssuerProfile;
  /** Algorithm of the first signing key; ES256 by default. */
  algorithm?: SigningKeyAlgorithm;
}

/** Creates an issuer profile with its did:web DID and its first signing key (`key-1`), in one append. */
export class CreateIssuerHandler {
  constructor(
    private readonly store: EventStore,
    private readonly vault: SigningKeyVault,
    private readonly didFor: IssuerDidFactory,
    private readonly repository: IssuerRepository,
    private readonly readModel: IssuerReadModel,
  ) {}

  async execute(command: CreateIssuerCommand, context: CommandContext): Promise<IssuerView> {
    const issuerId = randomUUID();
    const did = this.didFor(issuerId);
    const initial = issuerDecider.initialState();
    const events: IssuerEvent[] = issuerDecider.decide(
      { type: 'create-issuer', data: { issuerId, tenantId: context.tenantId, did, profile: command.profile } },
      initial,
    );
    const key = await this.vault.createKey(command.algorithm ?? 'ES256');
    events.push(
      ...issuerDecider.decide(
        {
          type: 'add-signing-key',
          data: { fragment: 'key-1', alg: key.alg, publicJwk: key.publicJwk, keyRef: key.keyRef },
        },
        evolveAll(issuerDecider, events, initial),
      ),
    );
    const streamId = issuerStreamId(issuerId);
    await this.store.append(streamId, 'no-stream', events, appendMetadata(context, ISSUER_AGGREGATE, streamId));
    return refreshIssuer(this.repository, this.readModel, context.tenantId, issuerId);
  }
}

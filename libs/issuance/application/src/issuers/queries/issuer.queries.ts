import { buildDidDocument, type DidDocument } from '@credstream/open-badges';
import { verificationKeys } from '@credstream/issuance/domain';
import type { IssuerReadModel } from '../issuer-read-model.port';
import type { IssuerRepository } from '../issuer-repository';
import type { IssuerView } from '../issuer-view';

/** Reads of issuers: one issuer from its stream (always current), lists from the read model. */
export class IssuerQueries {
  constructor(
    private readonly repository: IssuerRepository,
    private readonly readModel: IssuerReadModel,
  ) {}

  async get(tenantId: string, issuerId: string): Promise<IssuerView> {
    return (await this.repository.load(tenantId, issuerId)).view;
  }

  list(tenantId: string): Promise<IssuerView[]> {
    return this.readModel.listForTenant(tenantId);
  }

  /**
   * The public did:web document: every key that is not revoked (active and rotated-out ones), as JsonWebKey2020
   * verification methods whose ids are exactly the JWT kids, listed in assertionMethod.
   */
  async didDocument(issuerId: string): Promise<DidDocument> {
    const state = await this.repository.loadPublic(issuerId);
    return buildDidDocument({
      did: state.did,
      keys: verificationKeys(state).map((key) => ({
        id: key.kid.slice(key.kid.indexOf('#') + 1),
        publicKeyJwk: key.publicKeyJwk,
      })),
    });
  }
}

import type { EventStore } from '@credstream/event-store';
import { evolveAll } from '@credstream/event-sourcing';
import {
  CREDENTIAL_ERROR_CODES,
  CredentialError,
  credentialDecider,
  type CredentialEvent,
  type CredentialIssuedData,
} from '@credstream/issuance/domain';
import { credentialFromJwtPayload } from '@credstream/open-badges';
import { credentialStreamId } from '../issue/credential-issuer';
import type {
  CredentialCount,
  CredentialPage,
  CredentialReadModel,
  CredentialSearch,
} from '../ports/credential-read-model.port';

export interface CredentialView {
  credentialId: string;
  status: 'issued' | 'suspended' | 'revoked';
  issuerId: string;
  achievementId: string;
  achievementRevision: number;
  issuedAt: string;
  jwt: string;
  /** The credential as signed (the JWT payload without the registered claims). */
  credential: Record<string, unknown>;
}

/** One credential from its stream (the source of truth), for its own tenant only. */
export class GetCredentialQuery {
  constructor(private readonly store: EventStore) {}

  async execute(tenantId: string, credentialId: string): Promise<CredentialView> {
    const envelopes = await this.store.readStream(credentialStreamId(credentialId));
    const events = envelopes.map(({ type, data }) => ({ type, data }) as CredentialEvent);
    const issued = events[0]?.type === 'credential.issued.v1' ? (events[0].data as CredentialIssuedData) : undefined;
    if (!issued || issued.tenantId !== tenantId) {
      throw new CredentialError(CREDENTIAL_ERROR_CODES.notFound, 'the credential does not exist');
    }
    const state = evolveAll(credentialDecider, events);
    const payload: unknown = JSON.parse(Buffer.from(issued.jwt.split('.')[1], 'base64url').toString('utf8'));
    const decoded = credentialFromJwtPayload(payload);
    return {
      credentialId,
      status: state.status as CredentialView['status'],
      issuerId: issued.issuerId,
      achievementId: issued.achievementId,
      achievementRevision: issued.achievementRevision,
      issuedAt: issued.issuedAt,
      jwt: issued.jwt,
      credential: decoded.ok ? decoded.credential : {},
    };
  }
}

export class SearchCredentialsQuery {
  constructor(private readonly readModel: CredentialReadModel) {}

  execute(search: CredentialSearch): Promise<CredentialPage> {
    return this.readModel.search(search);
  }

  count(query: CredentialCount): Promise<number> {
    return this.readModel.count(query);
  }
}

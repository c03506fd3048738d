import type { EventEnvelope } from '@credstream/contracts';
import { upsertIfNewer, type VersionedUpsertResult } from '@credstream/messaging';
import { isPublicJwk } from '@credstream/verification/domain';
import { bareCredentialId, keyField, type IssuerReadModels } from './issuer-read-models';

/** Told after every write, so the process's cached lookups never outlive what they cached. */
export interface ProjectionListener {
  issuerChanged(): void;
  credentialChanged(credentialId: string): void;
}

interface IssuerCreated {
  issuerId: string;
  did: string;
  name: string;
}
interface KeyActivated {
  issuerId: string;
  kid: string;
  alg: string;
  publicKeyJwk: unknown;
}
interface CredentialIssued {
  credentialId: string;
  issuerDid: string;
}
interface CredentialRevoked {
  credentialId: string;
  revokedAt: string;
}
interface CredentialCredentialOnly {
  credentialId: string;
}
interface TenantCreated {
  tenantId: string;
  name: string;
  country: string;
  sector?: string;
}

/**
 * Writes issuance events into the verification read models: every write is version-checked per aggregate
 * (`upsertIfNewer`), so a redelivered or replayed event changes nothing. Keys accumulate (a rotation adds, never
 * removes) and statuses are flags: each event sets what it knows and nothing else.
 */
export class IssuanceEventsProjection {
  constructor(
    private readonly models: IssuerReadModels,
    private readonly listener?: ProjectionListener,
  ) {}

  async tenantCreated(event: EventEnvelope): Promise<VersionedUpsertResult> {
    const data = event.data as TenantCreated;
    const set: Record<string, unknown> = { name: data.name, country: data.country };
    if (data.sector) set['sector'] = data.sector;
    return upsertIfNewer(this.models.tenants, data.tenantId, event.aggregateVersion, { $set: set });
  }

  async issuerCreated(event: EventEnvelope): Promise<VersionedUpsertResult> {
    const data = event.data as IssuerCreated;
    await this.models.ensureIndexes();
    const result = await upsertIfNewer(this.models.issuers, data.issuerId, event.aggregateVersion, {
      $set: { did: data.did, name: data.name, tenantId: event.tenantId },
    });
    this.listener?.issuerChanged();
    return result;
  }

  async keyActivated(event: EventEnvelope): Promise<VersionedUpsertResult> {
    const data = event.data as KeyActivated;
    // The contract requires a JWK without private members; a key that is not one is never trusted.
    if (!isPublicJwk(data.publicKeyJwk)) return 'stale';
    const key = { kid: data.kid, alg: data.alg, publicKeyJwk: data.publicKeyJwk };
    const result = await upsertIfNewer(this.models.issuers, data.issuerId, event.aggregateVersion, {
      $set: { [`keys.${keyField(data.kid)}`]: key, activeKid: data.kid, tenantId: event.tenantId },
    });
    this.listener?.issuerChanged();
    return result;
  }

  async credentialIssued(event: EventEnvelope): Promise<VersionedUpsertResult> {
    const data = event.data as CredentialIssued;
    return this.credential(event, data.credentialId, { issuerDid: data.issuerDid });
  }

  async credentialRevoked(event: EventEnvelope): Promise<VersionedUpsertResult> {
    const data = event.data as CredentialRevoked;
    return this.credential(event, data.credentialId, { revoked: true, revokedAt: data.revokedAt });
  }

  async credentialSuspended(event: EventEnvelope): Promise<VersionedUpsertResult> {
    return this.credential(event, (event.data as CredentialCredentialOnly).credentialId, { suspended: true });
  }

  async credentialReinstated(event: EventEnvelope): Promise<VersionedUpsertResult> {
    return this.credential(event, (event.data as CredentialCredentialOnly).credentialId, { suspended: false });
  }

  private async credential(
    event: EventEnvelope,
    credentialId: string,
    set: Record<string, unknown>,
  ): Promise<VersionedUpsertResult> {
    const id = bareCredentialId(credentialId);
    const result = await upsertIfNewer(this.models.credentials, id, event.aggregateVersion, { $set: set });
    this.listener?.credentialChanged(id);
    return result;
  }
}

import { createHash } from 'node:crypto';
import type { Connection, mongo } from 'mongoose';
import type { PublicJwk } from '@credstream/verification/domain';

/** One public key of a credstream issuer, as `issuer.key-activated.v1` announced it. */
export interface IssuerKeyDocument {
  kid: string;
  alg: string;
  publicKeyJwk: PublicJwk;
}

/** A credstream issuer: its DID, tenant and every key it ever activated (retired ones verify old credentials). */
export interface IssuerDocument {
  _id: string;
  did?: string;
  name?: string;
  tenantId?: string;
  /** By {@link keyField}: a kid (a DID URL with dots) cannot be a MongoDB field name. */
  keys?: Record<string, IssuerKeyDocument>;
  activeKid?: string;
  aggregateVersion: number;
}

/** What issuance records say about one credential; only ids and flags, never the recipient. */
export interface CredentialStatusDocument {
  _id: string;
  issuerDid?: string;
  revoked?: boolean;
  revokedAt?: string;
  suspended?: boolean;
  aggregateVersion: number;
}

export interface TenantDocument {
  _id: string;
  name?: string;
  country?: string;
  sector?: string;
  aggregateVersion: number;
}

export const DEFAULT_READ_MODEL_PREFIX = 'verification_';

/** The read models of issuance events in the verification service's database. */
export class IssuerReadModels {
  readonly issuers: mongo.Collection<IssuerDocument>;
  readonly credentials: mongo.Collection<CredentialStatusDocument>;
  readonly tenants: mongo.Collection<TenantDocument>;
  private indexes: Promise<void> | undefined;

  constructor(connection: Connection, prefix = DEFAULT_READ_MODEL_PREFIX) {
    this.issuers = connection.collection<IssuerDocument>(`${prefix}issuers`);
    this.credentials = connection.collection<CredentialStatusDocument>(`${prefix}credential_statuses`);
    this.tenants = connection.collection<TenantDocument>(`${prefix}tenants`);
  }

  /** Issuers are looked up by DID (top-level equality: pushed down by FerretDB). Retried after a failure. */
  ensureIndexes(): Promise<void> {
    this.indexes ??= this.issuers
      .createIndex({ did: 1 }, { name: 'did' })
      .then(() => undefined)
      .catch((error: unknown) => {
        this.indexes = undefined;
        throw error;
      });
    return this.indexes;
  }
}

export function keyField(kid: string): string {
  return createHash('sha256').update(kid).digest('hex');
}

/** Issuance events name credentials by bare UUID; credentials say `urn:uuid:<id>`. */
export function bareCredentialId(id: string): string {
  const bare = /^urn:uuid:/i.test(id) ? id.slice('urn:uuid:'.length) : id;
  return /^[0-9a-f-]{36}$/i.test(bare) ? bare.toLowerCase() : bare;
}

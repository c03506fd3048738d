import type { Connection, mongo } from 'mongoose';
import type { ApiKeyDirectory, ApiKeyRecord, ApiKeyUsageRecorder } from '../api-key/api-key-directory.port';
import {
  apiKeyViewOf,
  tenantViewOf,
  type ApiKeyDocument,
  type ApiKeyView,
  type TenantDocument,
  type TenantView,
} from './api-key-read-model';

/**
 * The API keys and tenants a service knows, as a MongoDB read model (`<prefix>access_api_keys`,
 * `<prefix>access_tenants`) fed by the tenant events (ApiKeyProjection). Lookups are `findOne({_id})` or
 * top-level equality, the queries FerretDB pushes down.
 */
export class MongoApiKeyDirectory implements ApiKeyDirectory, ApiKeyUsageRecorder {
  constructor(
    private readonly connection: Connection,
    private readonly collectionPrefix: string,
  ) {}

  get apiKeys(): mongo.Collection<ApiKeyDocument> {
    return this.db().collection<ApiKeyDocument>(`${this.collectionPrefix}access_api_keys`);
  }

  get tenants(): mongo.Collection<TenantDocument> {
    return this.db().collection<TenantDocument>(`${this.collectionPrefix}access_tenants`);
  }

  async find(keyId: string): Promise<ApiKeyRecord | undefined> {
    const document = await this.apiKeys.findOne({ _id: keyId });
    if (!document?.tenantId || !document.hash || !document.scopes) return undefined;
    return {
      keyId: document._id,
      tenantId: document.tenantId,
      scopes: document.scopes,
      hash: document.hash,
      revoked: document.revoked === true,
    };
  }

  /** The tenant's keys (revoked ones too), oldest first. */
  async listForTenant(tenantId: string): Promise<ApiKeyView[]> {
    const documents = await this.apiKeys.find({ tenantId }).toArray();
    return documents
      .map(apiKeyViewOf)
      .filter((view): view is ApiKeyView => view !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.keyId.localeCompare(b.keyId));
  }

  /** The key if it belongs to `tenantId`; another tenant's key is as good as unknown. */
  async findForTenant(tenantId: string, keyId: string): Promise<ApiKeyView | undefined> {
    const document = await this.apiKeys.findOne({ _id: keyId });
    const view = document ? apiKeyViewOf(document) : undefined;
    return view?.tenantId === tenantId ? view : undefined;
  }

  async findTenant(tenantId: string): Promise<TenantView | undefined> {
    const document = await this.tenants.findOne({ _id: tenantId });
    return document ? tenantViewOf(document) : undefined;
  }

  /** Sets the last use; never creates a key document (a use of an unknown key changes nothing). */
  async recordUse(key: { keyId: string }, usedAt: Date): Promise<void> {
    await this.apiKeys.updateOne({ _id: key.keyId }, { $set: { lastUsedAt: usedAt.toISOString() } });
  }

  private db(): mongo.Db {
    const db = this.connection.db;
    if (!db) throw new Error('MongoDB is not connected');
    return db;
  }
}

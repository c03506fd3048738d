import type { Connection, mongo } from 'mongoose';
import type {
  CredentialCount,
  CredentialPage,
  CredentialReadModel,
  CredentialSearch,
  CredentialSummary,
} from '@credstream/issuance/application';
import { isDuplicateKeyError } from '@credstream/event-store';

type CredentialDocument = Omit<CredentialSummary, 'credentialId'> & { _id: string };

/**
 * `issuance_credentials`: one document per credential, `_id` = credential id, so `claim` (insertMany, unordered)
 * is also the idempotency ledger. Hot filters are top-level equality (tenantId, achievementId, recipientKey,
 * status) because FerretDB pushes only those down.
 */
export class MongoCredentialReadModel implements CredentialReadModel {
  private readonly collection: mongo.Collection<CredentialDocument>;
  private indexes: Promise<unknown> | undefined;

  constructor(connection: Connection, name = 'issuance_credentials') {
    this.collection = connection.collection<CredentialDocument>(name);
  }

  async claim(summaries: readonly CredentialSummary[]): Promise<Set<string>> {
    await this.ensureIndexes();
    const documents = summaries.map(({ credentialId, ...rest }) => ({ _id: credentialId, ...rest }));
    const claimed = new Set(summaries.map((s) => s.credentialId));
    try {
      await this.collection.insertMany(documents, { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { index: number; code?: number; err?: { code?: number } }[] })
        .writeErrors;
      if (!Array.isArray(writeErrors) && !isDuplicateKeyError(error)) throw error;
      const failures = Array.isArray(writeErrors) ? writeErrors : [{ index: 0, code: 11000 }];
      for (const failure of failures) {
        const code = failure.code ?? failure.err?.code;
        if (code !== 11000) throw error;
        claimed.delete(documents[failure.index]._id);
      }
    }
    return claimed;
  }

  async release(credentialIds: readonly string[]): Promise<void> {
    // One statement per id: FerretDB filters `$in` itself, scanning the whole collection.
    await Promise.all(credentialIds.map((id) => this.collection.deleteOne({ _id: id })));
  }

  async setStatus(credentialId: string, status: CredentialSummary['status']): Promise<void> {
    await this.collection.updateOne({ _id: credentialId }, { $set: { status } });
  }

  async get(credentialId: string): Promise<CredentialSummary | undefined> {
    const document = await this.collection.findOne({ _id: credentialId });
    return document ? toSummary(document) : undefined;
  }

  async search(query: CredentialSearch): Promise<CredentialPage> {
    const filter: mongo.Filter<CredentialDocument> = { tenantId: query.tenantId };
    if (query.achievementId) filter.achievementId = query.achievementId;
    if (query.recipientKey) filter.recipientKey = query.recipientKey;
    if (query.recipientHash) filter.recipientHash = query.recipientHash;
    if (query.status) filter.status = query.status;
    const range: Record<string, string> = {};
    if (query.issuedFrom) range['$gte'] = query.issuedFrom;
    if (query.issuedTo) range['$lt'] = query.issuedTo;
    const conditions: mongo.Filter<CredentialDocument>[] = [];
    if (Object.keys(range).length > 0) conditions.push({ issuedAt: range });
    const after = decodeCursor(query.after);
    if (after) {
      conditions.push({
        $or: [{ issuedAt: { $lt: after.issuedAt } }, { issuedAt: after.issuedAt, _id: { $lt: after.id } }],
      });
    }
    if (conditions.length > 0) filter.$and = conditions;
    const documents = await this.collection
      .find(filter)
      .sort({ issuedAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .toArray();
    const items = documents.slice(0, query.limit).map(toSummary);
    const last = items.at(-1);
    return documents.length > query.limit && last
      ? { items, next: encodeCursor(last.issuedAt, last.credentialId) }
      : { items };
  }

  /** Top-level equality only, so FerretDB counts in PostgreSQL instead of scanning the collection itself. */
  async count(query: CredentialCount): Promise<number> {
    const filter: mongo.Filter<CredentialDocument> = { tenantId: query.tenantId };
    if (query.achievementId) filter.achievementId = query.achievementId;
    if (query.status) filter.status = query.status;
    if (query.trigger) filter.trigger = query.trigger;
    return this.collection.countDocuments(filter);
  }

  private ensureIndexes(): Promise<unknown> {
    this.indexes ??= Promise.all([
      this.collection.createIndex({ tenantId: 1, issuedAt: -1, _id: -1 }, { name: 'tenant_issued' }),
      this.collection.createIndex({ tenantId: 1, recipientKey: 1 }, { name: 'tenant_recipient' }),
    ]).catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }
}

function toSummary({ _id, ...rest }: CredentialDocument): CredentialSummary {
  return { credentialId: _id, ...rest };
}

function encodeCursor(issuedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([issuedAt, id])).toString('base64url');
}

export class InvalidCursorError extends Error {
  readonly code = 'CREDENTIAL_CURSOR_INVALID';
}

function decodeCursor(cursor: string | undefined): { issuedAt: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { issuedAt: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError('the page cursor is not one this service gave out');
}

import { apiKeyMatches, generateApiKey, parseApiKey } from '@credstream/access';
import type {
  IssuedVerifierKey,
  RegisteredVerifier,
  VerifierDirectory,
  VerifierKeyMaker,
  VerifierKeySummary,
} from '@credstream/verification/application';
import type { VerifierKeyHash } from '@credstream/verification/domain';
import type { Connection, mongo } from 'mongoose';
import { TtlCache } from '../keys/ttl-cache';

/** One document per key: `_id` is the key id, so a keyed verification costs one equality lookup (then cached). */
interface VerifierKeyDocument extends RegisteredVerifier {
  _id: string;
  hash: string;
  revoked: boolean;
}

export interface VerifierDirectoryOptions {
  /** How long a looked-up key is trusted; bounds how late another instance sees a revocation. Default 10 s. */
  ttlMs: number;
  maxEntries: number;
  now: () => number;
}

const DEFAULTS: VerifierDirectoryOptions = { ttlMs: 10_000, maxEntries: 10_000, now: () => Date.now() };

/** API keys for verifier organisations: the access library's `cs_<keyId>_<secret>` form, stored as sha256. */
export const verifierKeyMaker: VerifierKeyMaker = {
  issue(): IssuedVerifierKey {
    const { token, keyId, hash } = generateApiKey();
    return { token, keyId, hash };
  },
};

/** {@link VerifierDirectory} in the verification service's database, with a short cache of looked-up keys. */
export class MongoVerifierDirectory implements VerifierDirectory {
  private readonly collection: mongo.Collection<VerifierKeyDocument>;
  private readonly options: VerifierDirectoryOptions;
  private readonly cache: TtlCache<VerifierKeyDocument | null>;

  constructor(connection: Connection, prefix = 'verification_', options: Partial<VerifierDirectoryOptions> = {}) {
    this.collection = connection.collection<VerifierKeyDocument>(`${prefix}verifier_keys`);
    this.options = { ...DEFAULTS, ...options };
    this.cache = new TtlCache(this.options.maxEntries, this.options.now);
  }

  async identify(token: string): Promise<RegisteredVerifier | undefined> {
    const parsed = parseApiKey(token);
    if (!parsed) return undefined;
    const document = await this.lookup(parsed.keyId);
    if (!document || document.revoked || !apiKeyMatches(token, document.hash)) return undefined;
    const { organisationId, name, sector, country } = document;
    return { organisationId, name, sector, country };
  }

  async keys(organisationId: string): Promise<VerifierKeySummary[]> {
    const documents = await this.collection.find({ organisationId }).toArray();
    return documents
      .map(({ _id, revoked }) => ({ keyId: _id, revoked }))
      .sort((a, b) => a.keyId.localeCompare(b.keyId));
  }

  async keyAdded(verifier: RegisteredVerifier, key: VerifierKeyHash): Promise<void> {
    const document: VerifierKeyDocument = { _id: key.keyId, ...verifier, hash: key.hash, revoked: false };
    await this.collection.replaceOne({ _id: key.keyId }, document, { upsert: true });
    this.cache.set(key.keyId, document, 0);
  }

  async keyRevoked(keyId: string): Promise<void> {
    await this.collection.updateOne({ _id: keyId }, { $set: { revoked: true } });
    this.cache.set(keyId, null, 0);
  }

  private async lookup(keyId: string): Promise<VerifierKeyDocument | null> {
    const cached = this.cache.get(keyId);
    if (cached !== undefined) return cached;
    const document = await this.collection.findOne({ _id: keyId });
    this.cache.set(keyId, document, this.options.ttlMs);
    return document;
  }
}

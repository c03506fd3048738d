import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { importJWK, jwtVerify } from 'jose';
import {
  CredentialIssuer,
  IssueContextResolver,
  type CredentialReadModel,
  type CredentialSummary,
  type IssuingDirectory,
  type NewStreamEntry,
  type NewStreamsWriter,
  type StatusEntryAllocator,
} from '@credstream/issuance/application';
import {
  AesGcmSigningKeyVault,
  Ob3SchemaDirectoryCheck,
  VaultCredentialSigner,
} from '@credstream/issuance/infrastructure';
import { identityHash } from '@credstream/open-badges';

const SCHEMA_DIR = resolve(process.cwd(), process.env['OB3_SCHEMA_DIR'] ?? '../shared/standards/ob3/schemas');
const TENANT = 'uni-a';
const ISSUER_ID = randomUUID();
const ACHIEVEMENT_ID = randomUUID();
const DID = `did:web:localhost%3A3001:issuers:${ISSUER_ID}`;

class InMemoryReadModel implements CredentialReadModel {
  readonly documents = new Map<string, CredentialSummary>();
  async claim(summaries: readonly CredentialSummary[]) {
    const claimed = new Set<string>();
    for (const summary of summaries) {
      if (this.documents.has(summary.credentialId)) continue;
      this.documents.set(summary.credentialId, summary);
      claimed.add(summary.credentialId);
    }
    return claimed;
  }
  async release(ids: readonly string[]) {
    for (const id of ids) this.documents.delete(id);
  }
  async setStatus() {
    return undefined;
  }
  async get(id: string) {
    return this.documents.get(id);
  }
  async search() {
    return { items: [...this.documents.values()] };
  }
  async count() {
    return this.documents.size;
  }
}

class RecordingWriter implements NewStreamsWriter {
  readonly entries: NewStreamEntry[] = [];
  readonly commits: { tenantId: string; streams: number }[] = [];
  fail = false;
  failTenant: string | undefined;
  async appendToNewStreams(entries: readonly NewStreamEntry[], metadata: { tenantId: string }) {
    if (this.fail || metadata.tenantId === this.failTenant) throw new Error('store down');
    this.entries.push(...entries);
    this.commits.push({ tenantId: metadata.tenantId, streams: entries.length });
  }
  async exists(streamId: string) {
    return this.entries.some((entry) => entry.streamId === streamId);
  }
}

const allocator: StatusEntryAllocator = {
  allocate: async (_owner, purpose, count) =>
    Array.from({ length: count }, () => ({
      statusListId: `http://localhost:3001/status-lists/${ISSUER_ID}/${purpose}/1`,
      index: Math.floor(Math.random() * 131_072),
    })),
};

describe('issuing credentials (CredentialIssuer with the real signer and OB 3.0 schema)', () => {
  const vault = new AesGcmSigningKeyVault({ masterKey: randomBytes(32) });
  let publicJwk: Record<string, unknown>;
  let directory: IssuingDirectory;
  let archived = false;

  beforeAll(async () => {
    const key = await vault.createKey('ES256');
    publicJwk = key.publicJwk;
    directory = {
      issuer: async (tenantId) =>
        tenantId !== TENANT
          ? undefined
          : {
              issuerId: ISSUER_ID,
              tenantId,
              did: DID,
              profile: { id: DID, type: ['Profile'], name: 'University A', url: 'https://uni-a.example' },
              activeKey: { kid: `${DID}#key-1`, alg: 'ES256', keyRef: key.keyRef, status: 'active' },
            },
      defaultIssuer: async () => undefined,
      achievement: async (tenantId) =>
        tenantId !== TENANT
          ? undefined
          : {
              achievementId: ACHIEVEMENT_ID,
              tenantId,
              issuerId: ISSUER_ID,
              revision: 3,
              archived,
              achievement: {
                id: `urn:uuid:${ACHIEVEMENT_ID}`,
                type: ['Achievement'],
                name: 'Data Analysis with Python',
                description: 'Cleans, analyses and visualises data.',
                criteria: { narrative: 'Passed the final project.' },
                achievementType: 'Course',
              },
            },
    };
  });

  const setup = () => {
    const readModel = new InMemoryReadModel();
    const writer = new RecordingWriter();
    const issuer = new CredentialIssuer(
      readModel,
      allocator,
      new VaultCredentialSigner(vault),
      new Ob3SchemaDirectoryCheck(SCHEMA_DIR),
      writer,
    );
    const context = () =>
      new IssueContextResolver(directory).resolve({
        tenantId: TENANT,
        achievementId: ACHIEVEMENT_ID,
        trigger: { kind: 'api' },
        correlationId: randomUUID(),
      });
    return { readModel, writer, issuer, context };
  };

  it('issues a schema-valid OB 3.0 VC-JWT to an email recipient that verifies with jose', async () => {
    const { issuer, writer, context } = setup();
    const credentialId = randomUUID();
    const [outcome] = await issuer.issueBatch(await context(), [
      { row: 0, credentialId, recipient: { email: ' Ana.Silva@Example.org ' } },
    ]);
    if (outcome.outcome !== 'issued') throw new Error(JSON.stringify(outcome));
    expect(new Ob3SchemaDirectoryCheck(SCHEMA_DIR).problems(outcome.credential)).toEqual([]);

    const { payload, protectedHeader } = await jwtVerify(outcome.jwt, await importJWK(publicJwk, 'ES256'));
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: `${DID}#key-1`, typ: 'JWT' });
    const subject = payload['credentialSubject'] as { identifier: { identityHash: string; salt: string }[] };
    const [identity] = subject.identifier;
    expect(identity.identityHash).toBe(identityHash('ana.silva@example.org', identity.salt));
    expect(payload).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      iss: DID,
      sub: identity.identityHash,
      jti: `urn:uuid:${credentialId}`,
      issuer: { id: DID, type: ['Profile'] },
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
    });
    expect(payload.nbf).toBe(Date.parse(payload['validFrom'] as string) / 1000);

    const [entry] = writer.entries;
    expect(entry.streamId).toBe(credentialId);
    expect(entry.events).toEqual([
      expect.objectContaining({
        type: 'credential.issued.v1',
        data: expect.objectContaining({
          credentialId,
          achievementRevision: 3,
          recipientEmail: 'ana.silva@example.org',
          jwt: outcome.jwt,
          suspensionStatusListIndex: expect.any(Number),
        }),
      }),
    ]);
  });

  it('gives every email recipient a fresh 96-bit salt, also across the random pool it draws from', async () => {
    const { issuer, context } = setup();
    const rows = Array.from({ length: 1_100 }, (_, row) => ({
      row,
      credentialId: randomUUID(),
      recipient: { email: 'same.person@example.org' },
    }));

    const outcomes = await issuer.issueBatch(await context(), rows);

    const salts = outcomes.map((outcome) => {
      if (outcome.outcome !== 'issued') throw new Error(JSON.stringify(outcome));
      const subject = outcome.credential['credentialSubject'] as { identifier: { salt: string }[] };
      return subject.identifier[0].salt;
    });
    expect(salts.every((salt) => /^[A-Za-z0-9_-]{16}$/.test(salt))).toBe(true);
    expect(new Set(salts).size).toBe(1_100);
  });

  it('issues to a DID (credentialSubject.id and sub), schema-valid with validUntil', async () => {
    const { issuer, context } = setup();
    const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const [outcome] = await issuer.issueBatch(await context(), [
      { row: 0, credentialId: randomUUID(), recipient: { did }, validUntil: '2099-01-01T00:00:00Z' },
    ]);
    if (outcome.outcome !== 'issued') throw new Error(JSON.stringify(outcome));
    expect(outcome.credential).toMatchObject({ credentialSubject: { id: did }, validUntil: '2099-01-01T00:00:00Z' });
    expect(new Ob3SchemaDirectoryCheck(SCHEMA_DIR).problems(outcome.credential)).toEqual([]);
  });

  it('reports bad rows by row and field, issues the good ones, and skips ids issued before', async () => {
    const { issuer, writer, context } = setup();
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const rows = [
      { row: 1, credentialId: ids[0], recipient: { email: 'ana@example.org' } },
      { row: 2, credentialId: ids[1], recipient: { email: 'not-an-email' } },
      { row: 3, credentialId: ids[2], recipient: { did: 'ana' } },
      { row: 4, credentialId: ids[3], recipient: { email: 'bo@example.org' }, validUntil: '2001-01-01T00:00:00Z' },
      { row: 5, credentialId: ids[0], recipient: { email: 'ana@example.org' } },
    ];
    const outcomes = await issuer.issueBatch(await context(), rows);
    expect(outcomes.map((o) => [o.row, o.outcome, o.outcome === 'failed' ? `${o.field}:${o.code}` : ''])).toEqual([
      [1, 'issued', ''],
      [2, 'failed', 'email:RECIPIENT_EMAIL_INVALID'],
      [3, 'failed', 'did:RECIPIENT_DID_INVALID'],
      [4, 'failed', 'validUntil:CREDENTIAL_VALID_UNTIL_NOT_AFTER_VALID_FROM'],
      [5, 'failed', 'idempotencyKey:BULK_ROW_DUPLICATE'],
    ]);
    const again = await issuer.issueBatch(await context(), [rows[0]]);
    expect(again[0].outcome).toBe('skipped');
    expect(writer.entries).toHaveLength(1);
  });

  it('leaves nothing claimed when the events cannot be appended', async () => {
    const { issuer, writer, readModel, context } = setup();
    writer.fail = true;
    await expect(
      issuer.issueBatch(await context(), [{ row: 0, credentialId: randomUUID(), recipient: { email: 'a@b.org' } }]),
    ).rejects.toThrow('store down');
    expect(readModel.documents.size).toBe(0);
  });

  it('issues a single credential whose id was claimed by a process that stopped before appending', async () => {
    const { issuer, writer, readModel, context } = setup();
    const credentialId = randomUUID();
    const [claimed] = await issuer.issueBatch(await context(), [
      { row: 0, credentialId, recipient: { email: 'ana@example.org' } },
    ]);
    expect(claimed.outcome).toBe('issued');
    writer.entries.length = 0; // the append never happened
    expect(
      (await issuer.issueOne(await context(), { row: 0, credentialId, recipient: { email: 'ana@example.org' } }))
        .outcome,
    ).toBe('issued');
    expect(writer.entries.map((entry) => entry.streamId)).toEqual([credentialId]);
    expect(
      (await issuer.issueOne(await context(), { row: 0, credentialId, recipient: { email: 'ana@example.org' } }))
        .outcome,
    ).toBe('skipped');
    expect(readModel.documents.has(credentialId)).toBe(true);
  });

  it('refuses an archived achievement, and another tenant’s achievement as not found', async () => {
    archived = true;
    await expect(
      new IssueContextResolver(directory).resolve({
        tenantId: TENANT,
        achievementId: ACHIEVEMENT_ID,
        trigger: { kind: 'api' },
        correlationId: 'c',
      }),
    ).rejects.toMatchObject({ code: 'CREDENTIAL_ACHIEVEMENT_ARCHIVED' });
    archived = false;
    await expect(
      new IssueContextResolver(directory).resolve({
        tenantId: 'uni-b',
        achievementId: ACHIEVEMENT_ID,
        trigger: { kind: 'api' },
        correlationId: 'c',
      }),
    ).rejects.toMatchObject({ code: 'ACHIEVEMENT_NOT_FOUND' });
  });

  it('issues several groups with one claim and one commit per tenant, releasing only what was not stored', async () => {
    const { issuer, writer, readModel, context } = setup();
    const [a1, a2, b] = [await context(), await context(), await context()];
    const otherTenant = { ...b, tenantId: 'uni-b' };
    const row = (email: string) => ({ row: 0, credentialId: randomUUID(), recipient: { email } });
    const groups = [
      { context: a1, rows: [row('a1@example.org'), row('a2@example.org')] },
      { context: otherTenant, rows: [row('b1@example.org')] },
      { context: a2, rows: [row('a3@example.org'), row('not-an-email')] },
    ];
    const outcomes = await issuer.issueGroups(groups);
    expect(outcomes.map((list) => list.map((outcome) => outcome.outcome))).toEqual([
      ['issued', 'issued'],
      ['issued'],
      ['issued', 'failed'],
    ]);
    expect(writer.commits).toEqual([
      { tenantId: TENANT, streams: 3 },
      { tenantId: 'uni-b', streams: 1 },
    ]);

    const later = [
      { context: a1, rows: [row('c1@example.org')] },
      { context: otherTenant, rows: [row('c2@example.org')] },
    ];
    writer.failTenant = 'uni-b';
    await expect(issuer.issueGroups(later)).rejects.toThrow('store down');
    expect(await readModel.get(later[0].rows[0].credentialId)).toBeDefined();
    expect(await readModel.get(later[1].rows[0].credentialId)).toBeUndefined();
  });
});

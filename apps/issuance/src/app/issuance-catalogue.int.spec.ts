import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { compactVerify, importJWK } from 'jose';
import { parseConfig } from '@credstream/config';
import { TOPICS, type EventEnvelope } from '@credstream/contracts';
import {
  ISSUER_SIGNING_SERVICE,
  ISSUING_DIRECTORY,
  type IssuerSigningService,
  type IssuingDirectory,
} from '@credstream/issuance/application';
import { didWebUrl } from '@credstream/open-badges';
import { bootService, createPrivateInfra, waitFor, type BootedService, type PrivateInfra } from '@credstream/testing';
import { issuanceConfigSchema } from '../config/issuance.config';
import { ISSUANCE_SERVICE } from '../service-description';
import { IssuanceAppModule } from './issuance-app.module';

jest.setTimeout(240_000);

const ADMIN_TOKEN = 'platform-admin-token-0123456789-abcdef';
const PUBLIC_URL = 'http://localhost:3901';

interface Reply {
  status: number;
  // Response bodies are asserted field by field; typing each shape would add nothing to the test.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: Record<string, any>;
  headers: Headers;
}

/** A just-started broker may answer metadata requests with UNKNOWN_TOPIC_OR_PARTITION for a moment: retry. */
async function createTopicsWhenReady(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.createTopics({ topics: topics.map((topic) => ({ topic })), waitForLeaders: true });
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

describe('issuance: tenants, API keys, issuers, DID documents, achievements (Kafka + FerretDB)', () => {
  let kafkaInfra: PrivateInfra;
  let mongoInfra: PrivateInfra;
  let service: BootedService;
  let collector: Consumer;
  const published: EventEnvelope[] = [];

  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Reply> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
  };

  const createTenant = (tenantId: string) =>
    call('POST', '/admin/tenants', {
      token: ADMIN_TOKEN,
      body: { tenantId, name: `University ${tenantId}`, country: 'pt', sector: 'higher-education' },
    });

  beforeAll(async () => {
    [kafkaInfra, mongoInfra] = await Promise.all([createPrivateInfra('kafka'), createPrivateInfra('mongo')]);
    await Promise.all([kafkaInfra.start(), mongoInfra.start()]);
    const env = {
      ...kafkaInfra.serviceEnv,
      ...mongoInfra.serviceEnv,
      PLATFORM_ADMIN_TOKEN: ADMIN_TOKEN,
      ISSUANCE_PUBLIC_URL: PUBLIC_URL,
      LOG_LEVEL: 'silent',
    };
    const kafka = new Kafka({ brokers: [kafkaInfra.serviceEnv['KAFKA_BROKERS']!], logLevel: logLevel.NOTHING });
    const topics = [TOPICS.issuanceTenant, TOPICS.issuanceIssuer, TOPICS.issuanceAchievement];
    await createTopicsWhenReady(kafka, [...topics, 'issuance.dlq']);
    service = await bootService(
      ISSUANCE_SERVICE,
      (logger) => IssuanceAppModule.register(parseConfig(issuanceConfigSchema, env), logger),
      { consumers: { groupId: 'issuance' } },
    );
    collector = kafka.consumer({ groupId: 'test-collector' });
    await collector.connect();
    await collector.subscribe({ topics, fromBeginning: true });
    await collector.run({
      eachMessage: async ({ message }) => void published.push(JSON.parse(message.value!.toString()) as EventEnvelope),
    });
    await waitFor(
      () => call('GET', '/health/ready').then((reply) => reply.status),
      (status) => status === 200,
      { what: 'issuance ready', timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await collector?.disconnect();
    await service?.close();
    await Promise.allSettled([kafkaInfra?.dispose(), mongoInfra?.dispose()]);
  });

  describe('tenants and API keys', () => {
    it('lets only the platform admin create tenants, and gives each its first admin key once', async () => {
      expect(
        (await call('POST', '/admin/tenants', { body: { tenantId: 'x', name: 'x', country: 'PT' } })).body,
      ).toMatchObject({
        status: 401,
        code: 'PLATFORM_ADMIN_TOKEN_INVALID',
      });
      const created = await createTenant('uni-keys');
      expect(created.status).toBe(201);
      expect(created.headers.get('cache-control')).toBe('no-store');
      expect(created.body).toMatchObject({
        tenantId: 'uni-keys',
        country: 'PT',
        apiKey: { scopes: ['admin'], name: 'initial admin key' },
      });
      expect(created.body['apiKey'].key).toMatch(/^cs_k[0-9a-z]{20}_/);
      expect(await createTenant('uni-keys')).toMatchObject({ status: 409, body: { code: 'TENANT_ALREADY_EXISTS' } });
      const bad = await call('POST', '/admin/tenants', {
        token: ADMIN_TOKEN,
        body: { tenantId: 'Bad Id', name: '', country: 'PRT' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body['code']).toBe('REQUEST_INVALID');
      expect(bad.body['errors'].map((e: { field: string }) => e.field).sort()).toEqual(['country', 'name', 'tenantId']);
    });

    it('creates scoped keys that work at once, lists them without secrets, and revokes them at once', async () => {
      const admin = (await createTenant('uni-scopes')).body['apiKey'].key as string;
      const created = await call('POST', '/tenants/me/api-keys', {
        token: admin,
        body: { name: 'registrar', scopes: ['revoke', 'issue', 'issue'] },
      });
      expect(created).toMatchObject({ status: 201, body: { name: 'registrar', scopes: ['issue', 'revoke'] } });
      const issueKey = created.body['key'] as string;

      expect(await call('GET', '/tenants/me', { token: issueKey })).toMatchObject({
        status: 200,
        body: { tenantId: 'uni-scopes', name: 'University uni-scopes' },
      });
      expect(
        await call('POST', '/tenants/me/api-keys', { token: issueKey, body: { name: 'x', scopes: ['admin'] } }),
      ).toMatchObject({
        status: 403,
        body: { code: 'API_KEY_SCOPE_MISSING' },
      });
      expect(
        await call('POST', '/tenants/me/api-keys', { token: admin, body: { name: 'x', scopes: ['delete'] } }),
      ).toMatchObject({
        status: 400,
        body: { code: 'REQUEST_INVALID', errors: [{ field: 'scopes.0' }] },
      });

      const listed = await waitFor(
        () => call('GET', '/tenants/me/api-keys', { token: admin }),
        (reply) => reply.body['items']?.find((k: { keyId: string }) => k.keyId === created.body['keyId'])?.lastUsedAt,
        { what: 'last use of the issue key listed' },
      );
      expect(listed.body['items']).toHaveLength(2);
      const text = JSON.stringify(listed.body);
      expect(text).not.toContain(issueKey);
      expect(text).not.toContain(admin);
      expect(text).not.toContain('hash');
      expect(listed.body['items'][1]).toMatchObject({
        keyId: created.body['keyId'],
        prefix: created.body['prefix'],
        scopes: ['issue', 'revoke'],
        revoked: false,
        createdAt: expect.any(String),
      });

      const revoked = await call('DELETE', `/tenants/me/api-keys/${created.body['keyId']}`, { token: admin });
      expect(revoked).toMatchObject({ status: 200, body: { revoked: true, revokedAt: expect.any(String) } });
      expect(await call('GET', '/tenants/me', { token: issueKey })).toMatchObject({
        status: 401,
        body: { code: 'API_KEY_REVOKED' },
      });
      expect(await call('DELETE', `/tenants/me/api-keys/${created.body['keyId']}`, { token: admin })).toMatchObject({
        status: 409,
        body: { code: 'API_KEY_ALREADY_REVOKED' },
      });
      expect(await call('GET', '/tenants/me', { token: 'cs_nonsense' })).toMatchObject({
        status: 401,
        body: { code: 'API_KEY_INVALID' },
      });
    });
  });

  describe('issuers and DID documents', () => {
    let admin: string;
    beforeAll(async () => {
      admin = (await createTenant('uni-issuers')).body['apiKey'].key as string;
    });

    it('creates an ES256 issuer whose did:web document lists its key under the exact kid', async () => {
      const created = await call('POST', '/issuers', {
        token: admin,
        body: { name: 'Faculty of Science', url: 'https://ciencias.example', email: 'Registry@Ciencias.example' },
      });
      expect(created.status).toBe(201);
      const issuer = created.body;
      expect(issuer['did']).toBe(`did:web:localhost%3A3901:issuers:${issuer['issuerId']}`);
      expect(issuer).toMatchObject({ email: 'registry@ciencias.example', activeKid: `${issuer['did']}#key-1` });
      expect(issuer['keys']).toEqual([
        expect.objectContaining({
          kid: `${issuer['did']}#key-1`,
          alg: 'ES256',
          status: 'active',
          didKey: expect.stringMatching(/^did:key:z/),
        }),
      ]);
      expect(created.headers.get('etag')).toBe(`"${issuer['version']}"`);
      expect(JSON.stringify(issuer)).not.toMatch(/keyRef|"d"|PRIVATE/);

      const documentPath = new URL(didWebUrl(issuer['did'], { allowHttp: true })).pathname;
      expect(documentPath).toBe(`/issuers/${issuer['issuerId']}/did.json`);
      const document = await call('GET', documentPath);
      expect(document.status).toBe(200);
      expect(document.headers.get('content-type')).toMatch(/application\/did\+json/);
      expect(document.body).toMatchObject({
        id: issuer['did'],
        verificationMethod: [{ id: issuer['activeKid'], type: 'JsonWebKey2020', controller: issuer['did'] }],
        assertionMethod: [issuer['activeKid']],
      });
      expect(document.body['verificationMethod'][0].publicKeyJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
      expect(document.body['verificationMethod'][0].publicKeyJwk).not.toHaveProperty('d');
    });

    it('signs with the active key so that jose verifies against the DID document, before and after a rotation', async () => {
      const issuer = (await call('POST', '/issuers', { token: admin, body: { name: 'Rotating issuer' } })).body;
      const signing = service.app.get<IssuerSigningService>(ISSUER_SIGNING_SERVICE);
      const signAndVerify = async () => {
        const signer = await signing.activeSigner('uni-issuers', issuer['issuerId']);
        const input = `${Buffer.from(JSON.stringify({ alg: signer.alg, kid: signer.kid, typ: 'JWT' })).toString('base64url')}.${Buffer.from('{"hello":1}').toString('base64url')}`;
        const jws = `${input}.${Buffer.from(await signer.sign(Buffer.from(input))).toString('base64url')}`;
        const document = (await call('GET', `/issuers/${issuer['issuerId']}/did.json`)).body;
        const method = document['verificationMethod'].find((m: { id: string }) => m.id === signer.kid);
        await compactVerify(jws, await importJWK(method.publicKeyJwk, signer.alg));
        return { signer, document };
      };
      const before = await signAndVerify();
      expect(before.signer.kid).toBe(`${issuer['did']}#key-1`);

      const stale = await call('POST', `/issuers/${issuer['issuerId']}/keys/rotate`, {
        token: admin,
        body: { algorithm: 'RS256' },
        headers: { 'if-match': '"0"' },
      });
      expect(stale).toMatchObject({ status: 412, body: { code: 'PRECONDITION_FAILED' } });
      const rotated = await call('POST', `/issuers/${issuer['issuerId']}/keys/rotate`, {
        token: admin,
        body: { algorithm: 'RS256' },
        headers: { 'if-match': `"${issuer['version']}"` },
      });
      expect(rotated.status).toBe(200);
      expect(rotated.body['activeKid']).toBe(`${issuer['did']}#key-2`);

      const after = await signAndVerify();
      expect(after.signer).toMatchObject({ kid: `${issuer['did']}#key-2`, alg: 'RS256' });
      expect(after.document['assertionMethod']).toEqual([`${issuer['did']}#key-1`, `${issuer['did']}#key-2`]);

      const revoked = await call('POST', `/issuers/${issuer['issuerId']}/keys/key-1/revoke`, {
        token: admin,
        body: { reason: 'exposed in a backup' },
      });
      expect(revoked.status).toBe(200);
      expect((await call('GET', `/issuers/${issuer['issuerId']}/did.json`)).body['assertionMethod']).toEqual([
        `${issuer['did']}#key-2`,
      ]);
    });

    it('updates the profile with If-Match and refuses bad input naming the field', async () => {
      const issuer = (
        await call('POST', '/issuers', { token: admin, body: { name: 'Old name', keyAlgorithm: 'EdDSA' } })
      ).body;
      expect(issuer['keys'][0]).toMatchObject({ alg: 'EdDSA', publicKeyJwk: { kty: 'OKP', crv: 'Ed25519' } });
      const updated = await call('PUT', `/issuers/${issuer['issuerId']}`, {
        token: admin,
        body: { name: 'New name', url: 'https://new.example' },
        headers: { 'if-match': `"${issuer['version']}"` },
      });
      expect(updated).toMatchObject({ status: 200, body: { name: 'New name', url: 'https://new.example' } });
      expect(updated.headers.get('etag')).toBe(`"${issuer['version'] + 1}"`);
      expect(
        await call('PUT', `/issuers/${issuer['issuerId']}`, {
          token: admin,
          body: { name: 'Again' },
          headers: { 'if-match': `"${issuer['version']}"` },
        }),
      ).toMatchObject({ status: 412, body: { code: 'PRECONDITION_FAILED' } });
      expect(await call('POST', '/issuers', { token: admin, body: { name: 'x', url: 'ftp://x' } })).toMatchObject({
        status: 400,
        body: { code: 'REQUEST_INVALID', errors: [{ field: 'url' }] },
      });
      expect(
        await call('POST', '/issuers', { token: admin, body: { name: 'x', keyAlgorithm: 'HS256' } }),
      ).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'keyAlgorithm' }] },
      });
      expect(await call('GET', '/issuers/not-a-uuid', { token: admin })).toMatchObject({
        status: 400,
        body: { errors: [{ field: 'issuerId' }] },
      });
      expect(await call('GET', '/issuers/00000000-0000-4000-8000-000000000000/did.json')).toMatchObject({
        status: 404,
        body: { code: 'ISSUER_NOT_FOUND' },
      });
      const list = await call('GET', '/issuers', { token: admin });
      expect(list.body['items'].map((i: { name: string }) => i.name)).toEqual([
        'Faculty of Science',
        'Rotating issuer',
        'New name',
      ]);
    });
  });

  describe('achievements', () => {
    let admin: string;
    let issuerId: string;
    const definition = {
      name: 'Data Analysis with Python',
      description: 'Cleans, analyses and visualises data sets with Python.',
      criteria: { narrative: 'Passed the final project with at least 70%.' },
      achievementType: 'Course',
      imageUrl: 'https://ciencias.example/badges/data.png',
      tags: ['python', 'data'],
      alignments: [
        {
          targetName: 'data analytics',
          targetUrl: 'http://data.europa.eu/esco/skill/2a4f9e3b-1b9c-4c31-9c33-0fd1d0a7dc5c',
          targetFramework: 'ESCO',
        },
        {
          targetName: 'Data Scientists',
          targetUrl: 'https://www.onetonline.org/link/summary/15-2051.00',
          targetCode: '15-2051.00',
          targetFramework: 'O*NET',
        },
      ],
      resultDescriptions: [
        { id: 'urn:uuid:7f0e2b1c-final', name: 'Final project', resultType: 'Percent', valueMin: '0', valueMax: '100' },
      ],
      creditsAvailable: 6,
    };

    beforeAll(async () => {
      admin = (await createTenant('uni-achievements')).body['apiKey'].key as string;
      issuerId = (await call('POST', '/issuers', { token: admin, body: { name: 'Data School' } })).body['issuerId'];
    });

    it('creates, revises (If-Match), lists and archives an achievement, keeping every revision', async () => {
      const created = await call('POST', '/achievements', { token: admin, body: { issuerId, ...definition } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        ...definition,
        issuerId,
        revision: 1,
        archived: false,
        tenantId: 'uni-achievements',
      });
      const id = created.body['achievementId'] as string;

      const revised = await call('PUT', `/achievements/${id}`, {
        token: admin,
        body: { ...definition, description: 'Now with pandas.' },
        headers: { 'if-match': created.headers.get('etag')! },
      });
      expect(revised).toMatchObject({ status: 200, body: { revision: 2, description: 'Now with pandas.' } });
      expect(
        await call('PUT', `/achievements/${id}`, {
          token: admin,
          body: definition,
          headers: { 'if-match': created.headers.get('etag')! },
        }),
      ).toMatchObject({ status: 412, body: { code: 'PRECONDITION_FAILED' } });
      expect((await call('GET', `/achievements/${id}/revisions/1`, { token: admin })).body).toMatchObject({
        revision: 1,
        description: definition.description,
      });
      expect((await call('GET', `/achievements/${id}/revisions`, { token: admin })).body['items']).toHaveLength(2);

      const directory = service.app.get<IssuingDirectory>(ISSUING_DIRECTORY);
      const issuable = await directory.achievement('uni-achievements', id);
      expect(issuable).toMatchObject({ revision: 2, archived: false, issuerId });
      expect(issuable!.achievement).toMatchObject({
        id: `urn:uuid:${id}`,
        type: ['Achievement'],
        achievementType: 'Course',
        image: { id: definition.imageUrl, type: 'Image' },
        tag: ['python', 'data'],
        alignment: [expect.objectContaining({ type: ['Alignment'], targetFramework: 'ESCO' }), expect.anything()],
        creator: { type: ['Profile'], name: 'Data School' },
      });
      expect(await directory.achievement('uni-other', id)).toBeUndefined();

      const archived = await call('POST', `/achievements/${id}/archive`, { token: admin });
      expect(archived).toMatchObject({ status: 200, body: { archived: true, revision: 2 } });
      expect(await call('POST', `/achievements/${id}/archive`, { token: admin })).toMatchObject({
        status: 409,
        body: { code: 'ACHIEVEMENT_ARCHIVED' },
      });
      expect(await directory.achievement('uni-achievements', id)).toMatchObject({ archived: true });
      expect((await call('GET', '/achievements', { token: admin })).body['items']).toEqual([]);
      expect((await call('GET', '/achievements?includeArchived=true', { token: admin })).body['items']).toHaveLength(1);
    });

    it('refuses bad definitions with a code and the field at fault', async () => {
      expect(
        await call('POST', '/achievements', {
          token: admin,
          body: { ...definition, issuerId, achievementType: 'Trophy' },
        }),
      ).toMatchObject({
        status: 400,
        body: { code: 'ACHIEVEMENT_TYPE_UNKNOWN', errors: [{ field: 'achievementType' }] },
      });
      const missing = await call('POST', '/achievements', { token: admin, body: { issuerId, name: 'x' } });
      expect(missing.status).toBe(400);
      expect(missing.body['errors'].map((e: { field: string }) => e.field)).toEqual(['description', 'criteria']);
      expect(
        await call('POST', '/achievements', {
          token: admin,
          body: { ...definition, issuerId, alignments: [{ targetName: 'x', targetUrl: 'not a url' }] },
        }),
      ).toMatchObject({ status: 400, body: { errors: [{ field: 'alignments.0.targetUrl' }] } });
      expect(
        await call('POST', '/achievements', {
          token: admin,
          body: { ...definition, issuerId: '00000000-0000-4000-8000-000000000000' },
        }),
      ).toMatchObject({ status: 404, body: { code: 'ISSUER_NOT_FOUND' } });
    });
  });

  describe('tenant isolation', () => {
    it("never lets tenant B read or change tenant A's keys, issuers or achievements, on any route", async () => {
      const a = (await createTenant('iso-a')).body['apiKey'];
      const b = (await createTenant('iso-b')).body['apiKey'];
      const aIssuer = (await call('POST', '/issuers', { token: a.key, body: { name: 'A issuer' } })).body;
      const aAchievement = (
        await call('POST', '/achievements', {
          token: a.key,
          body: { issuerId: aIssuer['issuerId'], name: 'A badge', description: 'A', criteria: { narrative: 'A' } },
        })
      ).body;
      const bIssuer = (await call('POST', '/issuers', { token: b.key, body: { name: 'B issuer' } })).body;
      const issuerPath = `/issuers/${aIssuer['issuerId']}`;
      const achievementPath = `/achievements/${aAchievement['achievementId']}`;
      const definition = { name: 'Stolen', description: 'x', criteria: { narrative: 'x' } };

      const attempts: [string, string, unknown?][] = [
        ['GET', `/tenants/me/api-keys/${a.keyId}`],
        ['DELETE', `/tenants/me/api-keys/${a.keyId}`],
        ['GET', issuerPath],
        ['PUT', issuerPath, { name: 'Hijacked' }],
        ['POST', `${issuerPath}/keys/rotate`, {}],
        ['POST', `${issuerPath}/keys/key-1/revoke`, { reason: 'hijack' }],
        ['GET', achievementPath],
        ['GET', `${achievementPath}/revisions`],
        ['GET', `${achievementPath}/revisions/1`],
        ['PUT', achievementPath, definition],
        ['POST', `${achievementPath}/archive`],
        ['POST', '/achievements', { ...definition, issuerId: aIssuer['issuerId'] }],
      ];
      for (const [method, path, body] of attempts) {
        const reply = await call(method, path, { token: b.key, body });
        expect({ method, path, status: reply.status }).toEqual({ method, path, status: 404 });
        expect(reply.body['code']).toMatch(/_NOT_FOUND$/);
      }

      const bLists = await Promise.all(
        ['/tenants/me/api-keys', '/issuers', '/achievements?includeArchived=true'].map((path) =>
          call('GET', path, { token: b.key }),
        ),
      );
      const bText = JSON.stringify(bLists.map((reply) => reply.body));
      for (const aValue of [a.keyId, aIssuer['issuerId'], aAchievement['achievementId']])
        expect(bText).not.toContain(aValue);
      expect(bLists[1]!.body['items'].map((i: { issuerId: string }) => i.issuerId)).toEqual([bIssuer['issuerId']]);
      expect((await call('GET', '/tenants/me', { token: b.key })).body['tenantId']).toBe('iso-b');

      // A's data is untouched, and A's key still works.
      expect((await call('GET', issuerPath, { token: a.key })).body).toMatchObject({
        name: 'A issuer',
        version: aIssuer['version'],
      });
      expect((await call('GET', achievementPath, { token: a.key })).body).toMatchObject({
        archived: false,
        revision: 1,
      });
      expect((await call('GET', `/tenants/me/api-keys/${a.keyId}`, { token: a.key })).body).toMatchObject({
        revoked: false,
      });
      // DID documents are public by design.
      expect((await call('GET', `${issuerPath}/did.json`)).status).toBe(200);
    });

    it('guards every tenant route of the OpenAPI document: no key is a 401', async () => {
      const document = (await call('GET', '/docs/openapi.json')).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const mine = Object.entries(document.paths).filter(([path]) =>
        /^\/(admin|tenants|issuers|achievements)(\/|$)/.test(path),
      );
      expect(mine.length).toBeGreaterThanOrEqual(14);
      for (const [path, operations] of mine) {
        if (path.endsWith('/did.json')) continue;
        const concrete = path
          .replace('{issuerId}', '00000000-0000-4000-8000-000000000001')
          .replace('{achievementId}', '00000000-0000-4000-8000-000000000002')
          .replace(/\{[^}]+\}/g, 'x1');
        for (const method of Object.keys(operations)) {
          const reply = await call(method.toUpperCase(), concrete, { body: method === 'get' ? undefined : {} });
          expect({ method, path, status: reply.status }).toEqual({ method, path, status: 401 });
        }
      }
    });
  });

  it('publishes the catalogue events to Kafka, with hashes and public keys only, and consumes its own tenant events', async () => {
    const types = [
      'tenant.created.v1',
      'api-key.created.v1',
      'api-key.revoked.v1',
      'issuer.created.v1',
      'issuer.key-activated.v1',
      'achievement.created.v1',
      'achievement.revised.v1',
      'achievement.archived.v1',
    ];
    await waitFor(
      async () => new Set(published.map((event) => event.type)),
      (seen) => types.every((type) => seen.has(type)),
      { what: 'every catalogue event type on Kafka', timeoutMs: 60_000 },
    );
    const internal = published.filter((event) => !types.includes(event.type));
    expect(internal).toEqual([]);
    for (const event of published.filter((e) => e.type === 'api-key.created.v1')) {
      expect(Object.keys(event.data as object).sort()).toEqual(['hash', 'keyId', 'name', 'prefix', 'scopes']);
      expect(event.source).toBe('issuance');
    }
    expect(JSON.stringify(published)).not.toMatch(/keyRef|csk1\.|"d":|cs_k[0-9a-z]{20}_/);

    const kafka = new Kafka({ brokers: [kafkaInfra.serviceEnv['KAFKA_BROKERS']!], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const [offsets] = await admin.fetchOffsets({ groupId: 'issuance', topics: [TOPICS.issuanceTenant] });
          return offsets?.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0) ?? 0;
        },
        (committed) => committed > 0,
        { what: "issuance's own consumer of the tenant topic", timeoutMs: 60_000 },
      );
    } finally {
      await admin.disconnect();
    }
  });
});

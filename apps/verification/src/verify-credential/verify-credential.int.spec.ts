import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Consumer } from 'kafkajs';
import {
  BitstringStatusList,
  buildStatusListCredential,
  buildStatusListEntry,
  emailIdentityObject,
  recipientKey,
  type JwtSignableCredential,
} from '@credstream/open-badges';
import { parseConfig } from '@credstream/config';
import { TOPICS, type EventEnvelope } from '@credstream/contracts';
import { bootService, createPrivateInfra, waitFor, type BootedService, type PrivateInfra } from '@credstream/testing';
import { bakeIntoPng, bakeIntoSvg } from '@credstream/verification/infrastructure';
import { VerificationAppModule } from '../app/verification-app.module';
import { verificationConfigSchema } from '../config/verification.config';
import { VERIFICATION_SERVICE } from '../service-description';
import { IssuanceEventProducer } from '../testing/issuance-events.fixtures';
import {
  b64url,
  credentialFor,
  generateEcKey,
  hmacWithPublicKey,
  payloadOf,
  RECIPIENT_EMAIL,
  signCredential,
  signJwt,
  withPayload,
} from '../testing/signing.fixtures';

jest.setTimeout(60_000);

interface Check {
  name: string;
  status: string;
  code?: string;
}
interface Result {
  verified: boolean;
  checks: Check[];
  problemDetails: { reasonCode: string; check: string }[];
  warnings: { reasonCode: string; check: string }[];
  credential?: Record<string, unknown>;
  issuer?: { name?: string; tenantId?: string };
  code?: string;
  errors?: { field: string }[];
}
interface Reply {
  status: number;
  body: Result;
  headers: Headers;
}

const TENANT = 'uni-lisbon-test';
const check = (result: Result, name: string) => result.checks.find((c) => c.name === name);

type Routes = Record<string, () => { type: string; body: string }>;

/** A local HTTP server answering by path (routes set once its port is known); records every request it gets. */
function localServer() {
  const server = createServer((req, res) => {
    state.requests.push(req.url ?? '');
    const route = state.routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const { type, body } = route();
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  const state = {
    routes: {} as Routes,
    requests: [] as string[],
    async start(): Promise<number> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return (server.address() as AddressInfo).port;
    },
    async stop(): Promise<void> {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return state;
}

describe('verification service on real Kafka and FerretDB', () => {
  let kafka: PrivateInfra;
  let mongo: PrivateInfra;
  let service: BootedService;
  let events: IssuanceEventProducer;
  let verifiedConsumer: Consumer;
  const verifiedEvents: EventEnvelope[] = [];

  // An external issuer: did:web on a local server, with its own revocation and suspension lists.
  const externalKey = generateEcKey();
  const otherKey = generateEcKey();
  const external = localServer();
  let externalDid: string;
  let externalKid: string;
  let externalJwt: string;

  // A credstream issuer: known only from issuance events. Its did:web host counts every request: none may come.
  const issuance = localServer();
  const issuerId = randomUUID();
  const oldKey = generateEcKey();
  const newKey = generateEcKey();
  let issuerDid: string;
  const credentialA = randomUUID();
  const credentialB = randomUUID();
  let jwtA: string;
  let jwtB: string;

  const serviceEnv = (extra: Record<string, string> = {}) => ({
    ...kafka.serviceEnv,
    ...mongo.serviceEnv,
    DID_WEB_ALLOW_INSECURE_LOCALHOST: 'true',
    VERIFY_RATE_LIMIT: '100000',
    VERIFY_UPLOAD_MAX_BYTES: String(64 * 1024),
    ...extra,
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}, url = service.url) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Result, headers: response.headers };
  };
  const verify = (credential: unknown, headers: Record<string, string> = {}) =>
    post('/verify', { credential }, headers);
  const upload = async (fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type: string }) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file) form.append('file', new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
    const response = await fetch(`${service.url}/verify`, { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as Result, headers: response.headers };
  };

  const statusList = (url: string, purpose: 'revocation' | 'suspension', bits: number[]) => {
    const list = BitstringStatusList.create();
    bits.forEach((bit) => list.set(bit));
    const credential = buildStatusListCredential({
      id: url,
      issuer: externalDid,
      statusPurpose: purpose,
      encodedList: list.encode(),
      validFrom: '2026-01-01T00:00:00Z',
    });
    return signCredential(credential as unknown as JwtSignableCredential, externalKey, externalKid);
  };

  beforeAll(async () => {
    [kafka, mongo] = await Promise.all([createPrivateInfra('kafka'), createPrivateInfra('mongo')]);
    await Promise.all([kafka.start(), mongo.start()]);

    const externalPort = await external.start();
    externalDid = `did:web:localhost%3A${externalPort}`;
    externalKid = `${externalDid}#key-1`;
    const externalBase = `http://localhost:${externalPort}`;
    const didDocument = (did: string, kid: string, jwk: Record<string, unknown>) =>
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: did,
        verificationMethod: [{ id: kid, type: 'JsonWebKey', controller: did, publicKeyJwk: jwk }],
        assertionMethod: [kid],
      });
    external.routes = {
      '/.well-known/did.json': () => ({
        type: 'application/did+json',
        body: didDocument(externalDid, externalKid, externalKey.publicJwk),
      }),
      '/status/revocation': () => ({
        type: 'application/vc+jwt',
        body: statusList(`${externalBase}/status/revocation`, 'revocation', [7]),
      }),
      '/status/suspension': () => ({
        type: 'application/vc+jwt',
        body: statusList(`${externalBase}/status/suspension`, 'suspension', [9]),
      }),
    };
    externalJwt = signCredential(credentialFor(externalDid, randomUUID()), externalKey, externalKid);

    const issuancePort = await issuance.start();
    issuerDid = `did:web:localhost%3A${issuancePort}:issuers:${issuerId}`;
    const revocationEntry = buildStatusListEntry({
      statusListCredential: `http://localhost:${issuancePort}/status/1`,
      statusListIndex: 5,
      statusPurpose: 'revocation',
    });
    jwtA = signCredential(
      credentialFor(issuerDid, credentialA, { credentialStatus: revocationEntry }),
      oldKey,
      `${issuerDid}#key-1`,
    );
    jwtB = signCredential(credentialFor(issuerDid, credentialB), newKey, `${issuerDid}#key-2`);

    service = await bootService(
      VERIFICATION_SERVICE,
      (logger) => VerificationAppModule.register(parseConfig(verificationConfigSchema, serviceEnv()), logger),
      { consumers: { groupId: 'verification', sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000 } },
    );

    events = new IssuanceEventProducer(kafka.serviceEnv['KAFKA_BROKERS']);
    const admin = events.client.admin();
    await admin.connect();
    // The relay may create it first (a race kafkajs reports as an error): either way the topic then exists.
    await admin
      .createTopics({ topics: [{ topic: TOPICS.verificationVerification, numPartitions: 3 }], waitForLeaders: true })
      .catch(() => undefined);
    await waitFor(
      () =>
        admin.fetchTopicMetadata({ topics: [TOPICS.verificationVerification] }).then(
          () => true,
          () => false,
        ),
      (exists) => exists,
      { what: 'the verification topic', timeoutMs: 30_000 },
    );
    await admin.disconnect();
    verifiedConsumer = events.client.consumer({ groupId: `test-${randomUUID()}` });
    await verifiedConsumer.connect();
    await verifiedConsumer.subscribe({ topic: TOPICS.verificationVerification, fromBeginning: true });
    await verifiedConsumer.run({
      eachMessage: async ({ message }) => {
        verifiedEvents.push(JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope);
      },
    });

    await events.publish('tenant.created.v1', TENANT, TENANT, {
      tenantId: TENANT,
      name: 'University of Lisbon (test)',
      country: 'PT',
    });
    await events.publish('issuer.created.v1', issuerId, TENANT, {
      issuerId,
      did: issuerDid,
      name: 'Faculty of Science (test)',
    });
    await events.publish('issuer.key-activated.v1', issuerId, TENANT, {
      issuerId,
      kid: `${issuerDid}#key-1`,
      alg: 'ES256',
      publicKeyJwk: oldKey.publicJwk,
      replacesKid: null,
    });
    await events.publish('issuer.key-activated.v1', issuerId, TENANT, {
      issuerId,
      kid: `${issuerDid}#key-2`,
      alg: 'ES256',
      publicKeyJwk: newKey.publicJwk,
      replacesKid: `${issuerDid}#key-1`,
    });
    await events.publish('credential.issued.v1', credentialA, TENANT, {
      credentialId: credentialA,
      issuerId,
      issuerDid,
      achievementId: randomUUID(),
      achievementRevision: 1,
      recipient: {
        identityType: 'emailAddress',
        identityHash: emailIdentityObject(RECIPIENT_EMAIL, 'q8R2xVb1').identityHash,
        salt: 'q8R2xVb1',
        recipientKey: recipientKey(RECIPIENT_EMAIL),
      },
      validFrom: new Date().toISOString(),
      validUntil: null,
      jwt: jwtA,
      trigger: { kind: 'api' },
    });
  }, 240_000);

  afterAll(async () => {
    await verifiedConsumer?.disconnect();
    await events?.close();
    await service?.close();
    await Promise.all([external.stop(), issuance.stop()]);
    await Promise.all([kafka?.dispose(), mongo?.dispose()]);
  }, 120_000);

  describe('credstream issuers, known from issuance events', () => {
    it('verifies credentials signed with a rotated and the active key: issuer known, no call to issuance', async () => {
      const a = await waitFor(
        () => verify(jwtA),
        (reply) => reply.body.verified && check(reply.body, 'issuer')?.status === 'passed',
        { what: 'credential A verified with its issuer known', timeoutMs: 45_000 },
      );
      // Until the events arrive the issuer is an external one (its DID document fetched); from now on it is known.
      issuance.requests.length = 0;
      expect((await verify(jwtA)).body.verified).toBe(true);
      expect(check(a.body, 'status')).toMatchObject({ status: 'passed' });
      expect(a.body.warnings).toEqual([]);
      expect(a.body.issuer).toEqual({ name: 'Faculty of Science (test)', tenantId: TENANT });

      const b = await verify(jwtB);
      expect(b.body).toMatchObject({ verified: true, problemDetails: [], warnings: [] });
      expect(issuance.requests).toEqual([]);
    });

    it('sees a suspension and a reinstatement through Kafka', async () => {
      await events.publish('credential.suspended.v1', credentialB, TENANT, {
        credentialId: credentialB,
        suspendedAt: new Date().toISOString(),
        reason: 'under review',
      });
      const suspended = await waitFor(
        () => verify(jwtB),
        (reply) => !reply.body.verified,
        { what: 'credential B suspended', timeoutMs: 30_000, intervalMs: 100 },
      );
      expect(check(suspended.body, 'status')).toMatchObject({ status: 'failed', code: 'STATUS_SUSPENDED' });
      await events.publish('credential.reinstated.v1', credentialB, TENANT, {
        credentialId: credentialB,
        reinstatedAt: new Date().toISOString(),
      });
      await waitFor(
        () => verify(jwtB),
        (reply) => reply.body.verified,
        { what: 'credential B reinstated', timeoutMs: 30_000, intervalMs: 100 },
      );
      expect(issuance.requests).toEqual([]);
    });

    it('sees a revocation at the next verification through Kafka, without any HTTP call to issuance', async () => {
      await events.publish('credential.revoked.v1', credentialA, TENANT, {
        credentialId: credentialA,
        revokedAt: new Date().toISOString(),
        reason: 'issued in error',
      });
      const revoked = await waitFor(
        () => verify(jwtA),
        (reply) => !reply.body.verified,
        { what: 'credential A revoked', timeoutMs: 30_000, intervalMs: 100 },
      );
      expect(revoked.status).toBe(200);
      expect(check(revoked.body, 'status')).toMatchObject({ status: 'failed', code: 'STATUS_REVOKED' });
      expect(check(revoked.body, 'signature')).toMatchObject({ status: 'passed' });
      expect((await verify(jwtB)).body.verified).toBe(true);
      expect(issuance.requests).toEqual([]);
    });
  });

  it('records every verification as credential.verified.v1 on Kafka, with verifier and country, never personal data', async () => {
    const headers = {
      'x-request-country': 'de',
      'x-verifier-organization': 'Acme Analytics',
      'x-verifier-sector': 'J62',
      'x-verifier-country': 'DE',
    };
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => verify(jwtB, headers)));
    expect(replies.every((reply) => reply.body.verified)).toBe(true);
    await post('/credentials/verify', {
      verifiableCredential: jwtB,
      options: { channel: 'wallet', verifier: { organization: 'Wallet Co', sector: 'K64', country: 'fr' } },
    });

    const recorded = await waitFor(
      async () =>
        verifiedEvents.filter((event) => (event.data as { credentialId?: string }).credentialId === credentialB),
      (found) =>
        found.filter((event) => (event.data as { channel: string }).channel === 'wallet').length === 1 &&
        found.filter((event) => (event.data as { requestCountry?: string }).requestCountry === 'DE').length === 5,
      { what: 'six credential.verified.v1 events of credential B', timeoutMs: 30_000 },
    );
    const fromHeaders = recorded.find((event) => (event.data as { requestCountry?: string }).requestCountry === 'DE');
    expect(fromHeaders).toMatchObject({
      type: 'credential.verified.v1',
      source: 'verification',
      aggregateType: 'verification',
      tenantId: TENANT,
      data: {
        credentialId: credentialB,
        issuerDid,
        issuerKnown: true,
        issuerTenantId: TENANT,
        verified: true,
        channel: 'api',
        verifier: { organization: 'Acme Analytics', sector: 'J62', country: 'DE' },
        achievementId: 'https://uni.example/achievements/data-engineering',
        failureCodes: [],
        requestCountry: 'DE',
      },
    });
    expect(recorded.find((event) => (event.data as { channel: string }).channel === 'wallet')?.data).toMatchObject({
      verifier: { organization: 'Wallet Co', sector: 'K64', country: 'FR' },
    });
    const text = JSON.stringify(recorded);
    expect(text).not.toContain(RECIPIENT_EMAIL);
    expect(text).not.toContain('127.0.0.1');

    const revokedEvents = verifiedEvents.filter((event) =>
      (event.data as { failureCodes?: string[] }).failureCodes?.includes('STATUS_REVOKED'),
    );
    expect(revokedEvents.length).toBeGreaterThan(0);
  });

  describe('attack and malformation corpus: each with its reason code, none a 5xx', () => {
    const credential = (overrides: Parameters<typeof credentialFor>[2] = {}) =>
      credentialFor(externalDid, randomUUID(), overrides);
    const signed = (overrides: Parameters<typeof credentialFor>[2] = {}) =>
      signCredential(credential(overrides), externalKey, externalKid);

    const cases: [string, () => string, string, string][] = [
      [
        'alg: none',
        () => `${b64url('{"alg":"none","typ":"JWT"}')}.${externalJwt.split('.')[1]}.`,
        'algorithm',
        'ALG_NOT_ALLOWED',
      ],
      [
        'HS256 with the issuer public key as secret',
        () => hmacWithPublicKey(externalJwt, externalKey, externalKid),
        'algorithm',
        'ALG_NOT_ALLOWED',
      ],
      [
        'signed by a different key',
        () => signCredential(credential(), otherKey, externalKid),
        'signature',
        'SIGNATURE_INVALID',
      ],
      [
        'payload changed after signing',
        () => withPayload(externalJwt, { ...payloadOf(externalJwt), name: 'Doctor of Everything' }),
        'signature',
        'SIGNATURE_INVALID',
      ],
      [
        'kid of another DID',
        () => signCredential(credential(), externalKey, 'did:web:evil.example#key-1'),
        'key',
        'KEY_ISSUER_MISMATCH',
      ],
      [
        'expired',
        () => signed({ validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' }),
        'validity',
        'EXPIRED',
      ],
      [
        'not yet valid',
        () => signed({ validFrom: new Date(Date.now() + 30 * 86_400_000) }),
        'validity',
        'NOT_YET_VALID',
      ],
      [
        'revoked (external list)',
        () =>
          signed({
            credentialStatus: buildStatusListEntry({
              statusListCredential: `http://localhost:${externalDid.split('%3A')[1]}/status/revocation`,
              statusListIndex: 7,
              statusPurpose: 'revocation',
            }),
          }),
        'status',
        'STATUS_REVOKED',
      ],
      [
        'suspended (external list)',
        () =>
          signed({
            credentialStatus: buildStatusListEntry({
              statusListCredential: `http://localhost:${externalDid.split('%3A')[1]}/status/suspension`,
              statusListIndex: 9,
              statusPurpose: 'suspension',
            }),
          }),
        'status',
        'STATUS_SUSPENDED',
      ],
      [
        'unknown DID method',
        () => signCredential(credentialFor('did:example:123', randomUUID()), externalKey, 'did:example:123#key-1'),
        'key',
        'DID_METHOD_UNSUPPORTED',
      ],
      [
        'unreachable did:web',
        () =>
          signCredential(
            credentialFor('did:web:localhost%3A9', randomUUID()),
            externalKey,
            'did:web:localhost%3A9#key-1',
          ),
        'key',
        'DID_UNRESOLVABLE',
      ],
      [
        'did:web resolving to a private address',
        () =>
          signCredential(
            credentialFor('did:web:169.254.169.254', randomUUID()),
            externalKey,
            'did:web:169.254.169.254#key-1',
          ),
        'key',
        'ADDRESS_NOT_ALLOWED',
      ],
      ['malformed base64', () => 'eyJhbGciOiJFUzI1NiJ9.@@@.c2ln', 'structure', 'JWT_MALFORMED'],
      ['malformed JSON', () => `${b64url('{"alg":"ES256"')}.${b64url('{}')}.c2ln`, 'structure', 'JWT_MALFORMED'],
      ['three parts of junk', () => 'junk.junk.junk', 'structure', 'JWT_MALFORMED'],
      [
        'schema-invalid credential with a valid signature',
        () =>
          signJwt(
            { alg: 'ES256', kid: externalKid, typ: 'JWT' },
            JSON.stringify({ ...payloadOf(externalJwt), credentialSubject: 'nobody' }),
            externalKey,
          ),
        'schema',
        'SCHEMA_INVALID',
      ],
      [
        'iss different from issuer.id',
        () =>
          signJwt(
            { alg: 'ES256', kid: externalKid, typ: 'JWT' },
            JSON.stringify({ ...payloadOf(externalJwt), iss: 'did:web:someone.else' }),
            externalKey,
          ),
        'claims',
        'CLAIMS_INCONSISTENT',
      ],
    ];

    it.each(cases)('%s', async (_name, token, checkName, code) => {
      const reply = await verify(token());
      expect(reply.status).toBe(200);
      expect(reply.body.verified).toBe(false);
      expect(check(reply.body, checkName)).toMatchObject({ status: 'failed', code });
    });

    it('a token over 256 KB: 413 TOKEN_TOO_LARGE; a body over the JSON limit: 413 PAYLOAD_TOO_LARGE', async () => {
      const tooLarge = await verify('a'.repeat(300 * 1024));
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toMatchObject({ status: 413, code: 'TOKEN_TOO_LARGE' });
      const enveloped = await post('/credentials/verify', {
        verifiableCredential: {
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+jwt,${'a'.repeat(300 * 1024)}`,
        },
      });
      expect(enveloped.status).toBe(413);
      const hugeBody = await post('/verify', { credential: externalJwt, padding: 'x'.repeat(1200 * 1024) });
      expect(hugeBody.status).toBe(413);
      expect(hugeBody.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    });

    it('takes a credential between the framework default (100 KB) and 256 KB', async () => {
      const big = signed({ description: 'x'.repeat(150 * 1024) });
      const reply = await verify(big);
      expect(reply.status).toBe(200);
      expect(check(reply.body, 'signature')).toMatchObject({ status: 'passed' });
    });
  });

  describe('registered verifier organisations', () => {
    const request = async (method: string, path: string, key?: string, body?: unknown) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key) headers['authorization'] = `Bearer ${key}`;
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };

    it('registers an employer, counts its keyed verifications as its own, and refuses a revoked key', async () => {
      const registered = await request('POST', '/verifier-organisations', undefined, {
        name: ' Acme Hiring GmbH ',
        sector: 'n78',
        country: 'de',
      });
      expect(registered.status).toBe(201);
      const { organisationId, apiKey, keyId } = registered.body;
      expect(registered.body).toMatchObject({ name: 'Acme Hiring GmbH', sector: 'N78', country: 'DE' });
      expect(apiKey).toMatch(/^cs_/);

      // Its identity comes from the key, whatever the request declares about itself.
      const keyed = await verify(externalJwt, { authorization: `Bearer ${apiKey}`, 'x-verifier-sector': 'A01' });
      expect(keyed.status).toBe(200);
      const event = await waitFor(
        async () =>
          verifiedEvents.find(
            (candidate) =>
              (candidate.data as { verifier?: { organizationId?: string } }).verifier?.organizationId ===
              organisationId,
          ),
        (found) => found !== undefined,
        { what: 'the keyed verification on Kafka', timeoutMs: 30_000 },
      );
      expect((event?.data as { verifier: unknown }).verifier).toEqual({
        organizationId: organisationId,
        organization: 'Acme Hiring GmbH',
        sector: 'N78',
        country: 'DE',
      });

      // Rotation: a second key, then the first is revoked; the last active key cannot be.
      const second = await request('POST', '/verifier-organisations/me/keys', apiKey);
      expect(second.status).toBe(201);
      expect((await request('DELETE', `/verifier-organisations/me/keys/${keyId}`, second.body.apiKey)).status).toBe(
        204,
      );
      const last = await request('DELETE', `/verifier-organisations/me/keys/${second.body.keyId}`, second.body.apiKey);
      expect(last).toMatchObject({ status: 409, body: { code: 'VERIFIER_LAST_KEY' } });
      const me = await request('GET', '/verifier-organisations/me', second.body.apiKey);
      expect(me.body.keys).toEqual(
        expect.arrayContaining([
          { keyId, revoked: true },
          { keyId: second.body.keyId, revoked: false },
        ]),
      );

      const revoked = await verify(externalJwt, { authorization: `Bearer ${apiKey}` });
      expect(revoked.status).toBe(401);
      expect(revoked.body).toMatchObject({ code: 'VERIFIER_KEY_INVALID' });
      expect((await verify(externalJwt, { authorization: `Bearer ${second.body.apiKey}` })).status).toBe(200);
    });

    it('refuses bad registrations with the field at fault, and key endpoints without a key', async () => {
      for (const [body, field] of [
        [{ name: 'Acme', sector: 'Z9', country: 'DE' }, 'sector'],
        [{ name: 'Acme', sector: 'N', country: 'Germany' }, 'country'],
        [{ name: '', sector: 'N', country: 'DE' }, 'name'],
        [{ sector: 'N', country: 'DE' }, 'name'],
      ] as const) {
        const reply = await request('POST', '/verifier-organisations', undefined, body);
        expect(reply).toMatchObject({ status: 400, body: { code: 'VERIFIER_PROFILE_INVALID' } });
        expect(reply.body.errors).toEqual([expect.objectContaining({ field })]);
      }
      expect(await request('GET', '/verifier-organisations/me')).toMatchObject({
        status: 401,
        body: { code: 'VERIFIER_KEY_REQUIRED' },
      });
      expect(await request('POST', '/verifier-organisations/me/keys', 'cs_kxxxxxxxxxxxxxxxxxxxx_nope')).toMatchObject({
        status: 401,
        body: { code: 'VERIFIER_KEY_INVALID' },
      });
    });
  });

  describe('inputs', () => {
    it('verifies an external did:web credential: compact, enveloped, VCALM; ISSUER_UNKNOWN only a warning', async () => {
      const compact = await verify(externalJwt);
      expect(compact.body).toMatchObject({ verified: true, problemDetails: [] });
      expect(compact.body.warnings).toEqual([
        expect.objectContaining({ check: 'issuer', reasonCode: 'ISSUER_UNKNOWN' }),
      ]);
      expect(compact.body.credential).toMatchObject({ issuer: { id: externalDid } });

      const enveloped = await post('/credentials/verify', {
        verifiableCredential: { type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${externalJwt}` },
        options: { recipient: { email: RECIPIENT_EMAIL } },
      });
      expect(enveloped.body).toMatchObject({ verified: true });
      expect(check(enveloped.body, 'recipient')).toMatchObject({ status: 'passed' });
      expect(enveloped.body).not.toHaveProperty('credential');
    });

    it('matches the recipient the verifier names, and reports a different one', async () => {
      const other = await post('/verify', {
        credential: externalJwt,
        recipient: { email: 'someone.else@example.org' },
      });
      expect(other.status).toBe(200);
      expect(check(other.body, 'recipient')).toMatchObject({ status: 'failed', code: 'RECIPIENT_MISMATCH' });
    });

    it('verifies a legacy VC Data Model 1.1 JWT with a `vc` claim', async () => {
      const credential = payloadOf(externalJwt);
      const legacy = signJwt(
        { alg: 'ES256', kid: externalKid, typ: 'JWT' },
        JSON.stringify({
          iss: externalDid,
          nbf: Math.floor(Date.now() / 1000) - 60,
          jti: credential['id'],
          vc: {
            '@context': [
              'https://www.w3.org/2018/credentials/v1',
              'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
            ],
            type: ['VerifiableCredential', 'OpenBadgeCredential'],
            id: credential['id'],
            issuer: credential['issuer'],
            issuanceDate: new Date(Date.now() - 60_000).toISOString(),
            credentialSubject: credential['credentialSubject'],
          },
        }),
        externalKey,
      );
      const reply = await verify(legacy);
      expect(check(reply.body, 'structure')).toMatchObject({ status: 'passed' });
      expect(check(reply.body, 'signature')).toMatchObject({ status: 'passed' });
      expect(reply.body.verified).toBe(true);
    });

    it('verifies baked PNG and SVG badges and a .jwt file uploaded as multipart/form-data', async () => {
      const png = await upload(
        { recipientEmail: RECIPIENT_EMAIL },
        { bytes: bakeIntoPng(externalJwt), name: 'badge.png', type: 'image/png' },
      );
      expect(png.status).toBe(200);
      expect(png.body).toMatchObject({ verified: true });
      expect(check(png.body, 'recipient')).toMatchObject({ status: 'passed' });

      const svg = await upload({}, { bytes: Buffer.from(bakeIntoSvg(jwtB)), name: 'badge.svg', type: 'image/svg+xml' });
      expect(svg.body).toMatchObject({ verified: true, issuer: { tenantId: TENANT } });

      const text = await upload(
        {},
        { bytes: Buffer.from(externalJwt), name: 'badge.jwt', type: 'application/octet-stream' },
      );
      expect(text.body.verified).toBe(true);

      const field = await upload({ credential: externalJwt });
      expect(field.body.verified).toBe(true);
    });

    it('answers uploads it cannot take with a clear 4xx, and an image without a credential as a failed check', async () => {
      const blankPng = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      );
      const blank = await upload({}, { bytes: blankPng, name: 'blank.png', type: 'image/png' });
      expect(blank.status).toBe(200);
      expect(check(blank.body, 'structure')).toMatchObject({ status: 'failed', code: 'IMAGE_WITHOUT_CREDENTIAL' });

      const binary = await upload({}, { bytes: Buffer.from([0, 1, 2, 3, 255, 0]), name: 'x.bin', type: 'image/gif' });
      expect(binary.status).toBe(415);
      expect(binary.body).toMatchObject({ code: 'IMAGE_TYPE_UNSUPPORTED' });

      const huge = await upload(
        {},
        { bytes: bakeIntoPng(externalJwt + ' '.repeat(70 * 1024)), name: 'big.png', type: 'image/png' },
      );
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });

      const nothing = await upload({ recipientEmail: RECIPIENT_EMAIL });
      expect(nothing.status).toBe(400);
      expect(nothing.body).toMatchObject({ code: 'VERIFY_REQUEST_INVALID', errors: [{ field: 'file' }] });
    });

    it('answers a request of the wrong shape with 400 VERIFY_REQUEST_INVALID naming the field', async () => {
      const missing = await post('/verify', { recipient: { email: RECIPIENT_EMAIL } });
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ code: 'VERIFY_REQUEST_INVALID', errors: [{ field: 'credential' }] });
      const wrongType = await post('/credentials/verify', { verifiableCredential: 42 });
      expect(wrongType.body).toMatchObject({
        code: 'VERIFY_REQUEST_INVALID',
        errors: [{ field: 'verifiableCredential' }],
      });
      const badSector = await post('/verify', { credential: externalJwt, verifier: { sector: 'software' } });
      expect(badSector.body).toMatchObject({ code: 'VERIFY_REQUEST_INVALID', errors: [{ field: 'verifier.sector' }] });
      const notJson = await fetch(`${service.url}/verify`, { method: 'POST', body: 'eyJhbGciOi' });
      expect(notJson.status).toBe(400);
    });

    it('lets browsers on any origin call the public endpoints (CORS preflight and response header)', async () => {
      const preflight = await fetch(`${service.url}/verify`, {
        method: 'OPTIONS',
        headers: { origin: 'https://share.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
      const reply = await post(
        '/credentials/verify',
        { verifiableCredential: externalJwt },
        { origin: 'https://share.example' },
      );
      expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('serves the public page, its stylesheet and badge from this service', async () => {
      const form = await fetch(`${service.url}/verify`);
      expect(form.headers.get('content-type')).toMatch(/text\/html/);
      expect(await form.text()).toContain('<form method="post" action="/verify/page"');
      expect((await fetch(`${service.url}/verify/assets/verify.css`)).headers.get('content-type')).toMatch(/text\/css/);
      expect((await fetch(`${service.url}/verify/assets/badge.svg`)).headers.get('content-type')).toMatch(/svg/);
      const formData = new FormData();
      formData.append('credential', externalJwt);
      const result = await fetch(`${service.url}/verify/page`, { method: 'POST', body: formData });
      expect(result.status).toBe(200);
      expect(await result.text()).toContain('data-verified="true"');
    });

    it('documents the endpoints at /docs under the verification tag', async () => {
      const document = (await (await fetch(`${service.url}/docs/openapi.json`)).json()) as {
        paths: Record<string, { post?: { tags?: string[] } }>;
      };
      expect(document.paths['/verify']?.post?.tags).toEqual(['verification']);
      expect(document.paths['/credentials/verify']?.post?.tags).toEqual(['verification']);
    });
  });

  it('rate-limits the public endpoints per client: 429 RATE_LIMITED with Retry-After', async () => {
    const limited = await bootService(VERIFICATION_SERVICE, (logger) =>
      VerificationAppModule.register(
        parseConfig(
          verificationConfigSchema,
          serviceEnv({ VERIFY_RATE_LIMIT: '2', VERIFY_RATE_LIMIT_WINDOW_MS: '60000' }),
        ),
        logger,
      ),
    );
    try {
      // JSON requests are served by the fast lane, uploads by the controller: one budget for both.
      const upload = new FormData();
      upload.set('credential', 'junk');
      const uploaded = await fetch(`${limited.url}/verify`, { method: 'POST', body: upload });
      expect(uploaded.status).toBe(200);
      const replies: Reply[] = [];
      for (const path of ['/credentials/verify', '/verify']) {
        const body = path === '/verify' ? { credential: 'junk' } : { verifiableCredential: 'junk' };
        replies.push(await post(path, body, {}, limited.url));
      }
      expect(replies.map((reply) => reply.status)).toEqual([200, 429]);
      expect(replies[1].headers.get('access-control-allow-origin')).toBe('*');
      expect(replies[1].body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(Number(replies[1].headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await fetch(`${limited.url}/health/live`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { parseConfig } from '@credstream/config';
import { TOPICS, toKafkaMessage, type EventEnvelope } from '@credstream/contracts';
import { Ob3SchemaDirectoryCheck } from '@credstream/issuance/infrastructure';
import { DEAD_LETTER_HEADERS } from '@credstream/messaging';
import { BitstringStatusList, recipientKey } from '@credstream/open-badges';
import { bootService, createPrivateInfra, waitFor, type BootedService, type PrivateInfra } from '@credstream/testing';
import { IssuanceAppModule } from '../app/issuance-app.module';
import { issuanceConfigSchema } from '../config/issuance.config';
import { ISSUANCE_SERVICE } from '../service-description';

const ADMIN_TOKEN = 'platform-admin-token-for-credential-tests';
const SCHEMA_DIR = resolve(process.cwd(), '../shared/standards/ob3/schemas');
const BULK_ROWS = 10_000;

interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const until = (check: () => boolean | Promise<boolean>, options: { timeoutMs?: number; intervalMs?: number } = {}) =>
  waitFor(
    async () => check(),
    (done) => done,
    options,
  );

describe('credentials: issue, read, revoke, bulk, partner rules, VC-API (real Kafka and FerretDB)', () => {
  let kafkaInfra: PrivateInfra;
  let mongoInfra: PrivateInfra;
  let service: BootedService;
  let kafka: Kafka;
  let producer: Producer;
  const consumers: Consumer[] = [];
  const keyA = { value: '' };
  const keyB = { value: '' };
  let issuerId: string;
  let achievementId: string;
  let archivedAchievementId: string;
  let issuedId: string;

  const call = async <T = Json>(
    method: string,
    path: string,
    options: {
      key?: { value: string };
      body?: unknown;
      raw?: string;
      type?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<HttpResult<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers['authorization'] = `Bearer ${options.key.value}`;
    let body: string | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] = options.type ?? 'text/csv';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${service.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (a JWT)
    }
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  };

  const localPath = (url: string) => new URL(url).pathname;

  const createTenant = async (tenantId: string) => {
    const created = await call('POST', '/admin/tenants', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: {
        tenantId,
        name: tenantId,
        country: 'PT',
        initialApiKey: { name: 'ops', scopes: ['admin', 'issue', 'revoke'] },
      },
    });
    expect(created.status).toBe(201);
    return created.body['apiKey']['key'] as string;
  };

  const collect = async (topic: string, groupId = `test-${randomUUID()}`) => {
    const seen: { event: EventEnvelope; headers: Record<string, string> }[] = [];
    const consumer = kafka.consumer({ groupId });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        );
        seen.push({ event: JSON.parse(String(message.value)) as EventEnvelope, headers });
      },
    });
    return seen;
  };

  beforeAll(async () => {
    [kafkaInfra, mongoInfra] = await Promise.all([createPrivateInfra('kafka'), createPrivateInfra('mongo')]);
    await Promise.all([kafkaInfra.start(), mongoInfra.start()]);
    const env = {
      ...kafkaInfra.serviceEnv,
      ...mongoInfra.serviceEnv,
      PLATFORM_ADMIN_TOKEN: ADMIN_TOKEN,
      ISSUANCE_PUBLIC_URL: 'http://localhost:3001',
      BULK_MAX_ROWS: String(BULK_ROWS),
      BULK_MAX_UPLOAD_BYTES: String(2 * 1024 * 1024),
      OB3_SCHEMA_DIR: SCHEMA_DIR,
    };
    const bootstrapKafka = new Kafka({
      brokers: kafkaInfra.serviceEnv['KAFKA_BROKERS'].split(','),
      logLevel: logLevel.NOTHING,
    });
    const admin = bootstrapKafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [...Object.values(TOPICS), 'issuance.dlq'].map((topic) => ({ topic })),
      waitForLeaders: true,
    });
    await admin.disconnect();
    service = await bootService(
      ISSUANCE_SERVICE,
      (logger) => IssuanceAppModule.register(parseConfig(issuanceConfigSchema, env), logger),
      { consumers: { groupId: 'issuance', retry: { maxAttempts: 2, initialDelayMs: 50, maxDelayMs: 100 } } },
    );
    kafka = new Kafka({ brokers: kafkaInfra.serviceEnv['KAFKA_BROKERS'].split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();

    keyA.value = await createTenant('uni-a');
    keyB.value = await createTenant('uni-b');
    const issuer = await call('POST', '/issuers', {
      key: keyA,
      body: { name: 'University A', url: 'https://uni-a.example' },
    });
    expect(issuer.status).toBe(201);
    issuerId = issuer.body['issuerId'];
    const definition = {
      issuerId,
      name: 'Data Analysis with Python',
      description: 'Cleans, analyses and visualises data sets.',
      criteria: { narrative: 'Passed the final project.' },
      achievementType: 'Course',
      alignments: [
        { targetName: 'data analytics', targetUrl: 'http://data.europa.eu/esco/skill/1', targetFramework: 'ESCO' },
      ],
    };
    achievementId = (await call('POST', '/achievements', { key: keyA, body: definition })).body['achievementId'];
    archivedAchievementId = (await call('POST', '/achievements', { key: keyA, body: { ...definition, name: 'Old' } }))
      .body['achievementId'];
    expect((await call('POST', `/achievements/${archivedAchievementId}/archive`, { key: keyA, body: {} })).status).toBe(
      200,
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await producer?.disconnect();
    await service?.close();
    await Promise.all([kafkaInfra?.dispose(), mongoInfra?.dispose()]);
  }, 120_000);

  describe('issuing one credential', () => {
    it('issues an OB 3.0 VC-JWT that verifies with jose against the served DID document, is schema-valid and reaches Kafka', async () => {
      const events = await collect(TOPICS.issuanceCredential);
      const issued = await call('POST', '/credentials', {
        key: keyA,
        body: { achievementId, recipient: { email: 'Ana.Silva@Example.org' }, recipientName: 'Ana Silva' },
      });
      expect(issued.status).toBe(201);
      issuedId = issued.body['credentialId'];
      const jwt: string = issued.body['jwt'];

      const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString()) as { kid: string };
      const did = await call('GET', `/issuers/${issuerId}/did.json`);
      const method = (did.body['verificationMethod'] as { id: string; publicKeyJwk: JWK }[]).find(
        (candidate) => candidate.id === header.kid,
      );
      expect(method).toBeDefined();
      const { payload } = await jwtVerify(jwt, await importJWK(method!.publicKeyJwk, 'ES256'));
      expect(payload).toMatchObject({ jti: `urn:uuid:${issuedId}`, iss: header.kid.split('#')[0] });
      expect(new Ob3SchemaDirectoryCheck(SCHEMA_DIR).problems(issued.body['credential'])).toEqual([]);
      expect(issued.body['credential']['credentialSubject']['achievement']['id']).toBe(`urn:uuid:${achievementId}`);

      await until(
        () => events.some(({ event }) => event.type === 'credential.issued.v1' && event.aggregateId === issuedId),
        {
          timeoutMs: 20_000,
        },
      );
      const event = events.find(({ event }) => event.aggregateId === issuedId)!.event as EventEnvelope<string, Json>;
      expect(event).toMatchObject({ tenantId: 'uni-a', data: { credentialId: issuedId, jwt, achievementId } });
    });

    it('serves the credential as JSON and as a JWT, finds it by recipient and achievement, and shows its history', async () => {
      const json = await call('GET', `/credentials/${issuedId}`, { key: keyA });
      expect(json.body).toMatchObject({ credentialId: issuedId, status: 'issued', achievementId });
      const jwt = await call('GET', `/credentials/${issuedId}`, {
        key: keyA,
        headers: { accept: 'application/vc+jwt' },
      });
      expect(jwt.headers.get('content-type')).toContain('application/vc+jwt');
      expect(jwt.text).toBe(json.body['jwt']);

      const byEmail = await call(
        'GET',
        `/credentials?recipientEmail=ana.silva@example.org&achievementId=${achievementId}`,
        {
          key: keyA,
        },
      );
      expect(byEmail.body['items'].map((item: Json) => item['credentialId'])).toEqual([issuedId]);
      expect(byEmail.body['items'][0]['recipientKey']).toBe(recipientKey('ana.silva@example.org'));
      const history = await call('GET', `/credentials/${issuedId}/history`, { key: keyA });
      expect(history.body['events'].map((event: Json) => event['type'])).toEqual(['credential.issued.v1']);
      expect(JSON.stringify(history.body)).not.toContain('ana.silva@example.org');
    });

    it('refuses bad input with a stable code and the field, issuing nothing', async () => {
      const before = (await call('GET', '/credentials?limit=200', { key: keyA })).body['items'].length;
      const cases: [unknown, number, string, string][] = [
        [{ recipient: { email: 'a@b.org' } }, 400, 'REQUEST_INVALID', 'achievementId'],
        [{ achievementId, recipient: { email: 'not-an-email' } }, 400, 'RECIPIENT_EMAIL_INVALID', 'email'],
        [{ achievementId, recipient: { did: 'ana' } }, 400, 'RECIPIENT_DID_INVALID', 'did'],
        [
          { achievementId: randomUUID(), recipient: { email: 'a@b.org' } },
          404,
          'ACHIEVEMENT_NOT_FOUND',
          'achievementId',
        ],
        [
          { achievementId: archivedAchievementId, recipient: { email: 'a@b.org' } },
          409,
          'CREDENTIAL_ACHIEVEMENT_ARCHIVED',
          'achievementId',
        ],
        [
          { achievementId, recipient: { email: 'a@b.org' }, validUntil: '2001-01-01T00:00:00Z' },
          400,
          'CREDENTIAL_VALID_UNTIL_NOT_AFTER_VALID_FROM',
          'validUntil',
        ],
      ];
      for (const [body, status, code, field] of cases) {
        const refused = await call('POST', '/credentials', { key: keyA, body });
        expect([refused.status, refused.body['code']]).toEqual([status, code]);
        expect(refused.body['errors'][0]['field']).toContain(field);
      }
      expect((await call('GET', '/credentials?limit=200', { key: keyA })).body['items']).toHaveLength(before);
    });

    it('issues once per Idempotency-Key', async () => {
      const body = { achievementId, recipient: { did: 'did:example:idem-1' } };
      const first = await call('POST', '/credentials', { key: keyA, body, headers: { 'idempotency-key': 'order-77' } });
      const second = await call('POST', '/credentials', {
        key: keyA,
        body,
        headers: { 'idempotency-key': 'order-77' },
      });
      expect([first.status, second.status]).toEqual([201, 200]);
      expect(second.body['credentialId']).toBe(first.body['credentialId']);
      expect(second.body['jwt']).toBe(first.body['jwt']);
    });
  });

  describe('revocation and suspension', () => {
    const listBit = async (statusListCredential: string, index: number) => {
      const list = await call('GET', localPath(statusListCredential));
      expect(list.status).toBe(200);
      expect(list.headers.get('content-type')).toContain('application/vc+jwt');
      expect(list.headers.get('cache-control')).toMatch(/max-age=\d+/);
      const payload = JSON.parse(Buffer.from(list.text.split('.')[1], 'base64url').toString()) as Json;
      return BitstringStatusList.decode(payload['credentialSubject']['encodedList']).get(index);
    };

    it('revoking sets the credential’s bit in the published, signed status list; revoking twice is refused', async () => {
      const credential = (await call('GET', `/credentials/${issuedId}`, { key: keyA })).body['credential'];
      const { statusListCredential, statusListIndex } = credential['credentialStatus'];
      expect(await listBit(statusListCredential, Number(statusListIndex))).toBe(false);

      const revoked = await call('POST', `/credentials/${issuedId}/revoke`, {
        key: keyA,
        body: { reason: 'issued in error' },
      });
      expect(revoked.body).toEqual({ credentialId: issuedId, status: 'revoked' });
      expect(await listBit(statusListCredential, Number(statusListIndex))).toBe(true);

      const twice = await call('POST', `/credentials/${issuedId}/revoke`, { key: keyA, body: { reason: 'again' } });
      expect([twice.status, twice.body['code']]).toEqual([409, 'CREDENTIAL_ALREADY_REVOKED']);
      const noReason = await call('POST', `/credentials/${issuedId}/suspend`, { key: keyA, body: {} });
      expect([noReason.status, noReason.body['errors'][0]['field']]).toEqual([400, 'reason']);
      const history = await call('GET', `/credentials/${issuedId}/history`, { key: keyA });
      expect(history.body['events'].map((event: Json) => event['type'])).toEqual([
        'credential.issued.v1',
        'credential.revoked.v1',
      ]);
      const revokedList = await call('GET', `/credentials?status=revoked`, { key: keyA });
      expect(revokedList.body['items'].map((item: Json) => item['credentialId'])).toEqual([issuedId]);
    });

    it('suspends and reinstates through the suspension list', async () => {
      const issued = await call('POST', '/credentials', {
        key: keyA,
        body: { achievementId, recipient: { email: 'bo@example.org' } },
      });
      const id = issued.body['credentialId'];
      const suspended = await call('POST', `/credentials/${id}/suspend`, {
        key: keyA,
        body: { reason: 'under review' },
      });
      expect(suspended.body['status']).toBe('suspended');
      const reinstated = await call('POST', `/credentials/${id}/reinstate`, { key: keyA, body: {} });
      expect(reinstated.body['status']).toBe('issued');
      const again = await call('POST', `/credentials/${id}/reinstate`, { key: keyA, body: {} });
      expect([again.status, again.body['code']]).toEqual([409, 'CREDENTIAL_NOT_SUSPENDED']);
      const history = await call('GET', `/credentials/${id}/history`, { key: keyA });
      expect(history.body['events'].map((event: Json) => event['type'])).toEqual([
        'credential.issued.v1',
        'credential.suspended.v1',
        'credential.reinstated.v1',
      ]);
    });
  });

  describe('bulk issuance', () => {
    const csvOf = (rows: number, bad: Set<number>) =>
      [
        'email,name',
        ...Array.from({ length: rows }, (_, i) =>
          bad.has(i + 1) ? `broken-${i + 1},Bad` : `learner${i + 1}@example.org,Learner ${i + 1}`,
        ),
      ].join('\n');
    const finished = async (jobId: string) => {
      let job: Json = {};
      await until(
        async () => {
          job = (await call('GET', `/bulk-issuance-jobs/${jobId}`, { key: keyA })).body;
          return job['status'] !== 'running';
        },
        { timeoutMs: 120_000, intervalMs: 250 },
      );
      return job;
    };

    it('issues 9,990 of 10,000 rows, reports the 10 bad ones by row, and a re-upload issues none', async () => {
      const bad = new Set([3, 999, 1000, 2500, 4096, 5000, 6001, 7777, 9000, 10_000]);
      const csv = csvOf(BULK_ROWS, bad);
      const started = await call('POST', `/bulk-issuance-jobs?achievementId=${achievementId}`, { key: keyA, raw: csv });
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ status: 'running', total: BULK_ROWS });
      const job = await finished(started.body['jobId']);
      expect(job).toMatchObject({
        status: 'completed',
        total: BULK_ROWS,
        issued: 9_990,
        failed: 10,
        skipped: 0,
        etaSeconds: null,
      });
      expect(job['rate']).toBeGreaterThan(0);

      const errors = await call('GET', `/bulk-issuance-jobs/${job['jobId']}/errors`, { key: keyA });
      expect(errors.body['errors'].map((problem: Json) => [problem['row'], problem['field'], problem['code']])).toEqual(
        [...bad].map((row) => [row, 'email', 'RECIPIENT_EMAIL_INVALID']),
      );
      const issued = await call('GET', `/credentials?recipientEmail=learner1@example.org`, { key: keyA });
      expect(issued.body['items']).toHaveLength(1);
      const one = await call('GET', `/credentials/${issued.body['items'][0]['credentialId']}`, { key: keyA });
      expect(one.body).toMatchObject({ status: 'issued', achievementId, jwt: expect.stringMatching(/^eyJ/) });

      const again = await call('POST', `/bulk-issuance-jobs?achievementId=${achievementId}`, { key: keyA, raw: csv });
      const rerun = await finished(again.body['jobId']);
      expect(rerun).toMatchObject({ status: 'completed', issued: 0, skipped: 9_990, failed: 10 });
    }, 240_000);

    it('pages through search results in a stable order with a cursor', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 4; page++) {
        const query = `achievementId=${achievementId}&limit=3${after ? `&after=${after}` : ''}`;
        const result = await call('GET', `/credentials?${query}`, { key: keyA });
        seen.push(...result.body['items'].map((item: Json) => item['credentialId'] as string));
        after = result.body['next'];
      }
      expect(seen).toHaveLength(12);
      expect(new Set(seen).size).toBe(12);
      const firstTwelve = await call('GET', `/credentials?achievementId=${achievementId}&limit=12`, { key: keyA });
      expect(firstTwelve.body['items'].map((item: Json) => item['credentialId'])).toEqual(seen);
      const bad = await call('GET', '/credentials?after=garbage', { key: keyA });
      expect([bad.status, bad.body['code']]).toEqual([400, 'CREDENTIAL_CURSOR_INVALID']);
    }, 60_000);

    it('takes JSON uploads too', async () => {
      const started = await call('POST', '/bulk-issuance-jobs', {
        key: keyA,
        body: {
          achievementId,
          rows: [{ did: 'did:example:json-1' }, { email: 'json@example.org', name: 'J' }, { name: 'nobody' }],
        },
      });
      expect(started.status).toBe(202);
      const job = await finished(started.body['jobId']);
      expect(job).toMatchObject({ status: 'completed', issued: 2, failed: 1 });
    });

    it('refuses malformed, oversized, wrongly typed uploads and an archived achievement with a 4xx code', async () => {
      const post = (raw: string, query = `achievementId=${achievementId}`, type = 'text/csv') =>
        call('POST', `/bulk-issuance-jobs?${query}`, { key: keyA, raw, type });
      const cases: [HttpResult, number, string][] = [
        [await post('email,name\n"unclosed,Ana\n'), 400, 'BULK_CSV_MALFORMED'],
        [await post('mail\nx@y.org\n'), 400, 'BULK_CSV_HEADER_INVALID'],
        [await post(csvOf(BULK_ROWS + 1, new Set())), 413, 'BULK_TOO_MANY_ROWS'],
        [await post(`email\n${'x'.repeat(3 * 1024 * 1024)}`), 413, 'BULK_UPLOAD_TOO_LARGE'],
        [
          await post('email\na@b.org\n', `achievementId=${archivedAchievementId}`),
          409,
          'CREDENTIAL_ACHIEVEMENT_ARCHIVED',
        ],
        [await post('email\na@b.org\n', 'achievementId=nope'), 400, 'REQUEST_INVALID'],
        [
          await post('<rows/>', `achievementId=${achievementId}`, 'application/xml'),
          415,
          'BULK_UPLOAD_TYPE_UNSUPPORTED',
        ],
      ];
      for (const [result, status, code] of cases) expect([result.status, result.body['code']]).toEqual([status, code]);
    });
  });

  describe('partner-triggered issuance', () => {
    const completion = (email: string, grade: string, courseId = 'DATA-101'): EventEnvelope => ({
      id: uuidv7(),
      type: 'learning.completed.v1',
      source: 'partner:moodle-uni-a',
      aggregateType: 'learner',
      aggregateId: email,
      aggregateVersion: 1,
      tenantId: 'uni-a',
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      data: {
        learner: { email, name: 'Cleo' },
        course: { id: courseId, kind: 'course' },
        completedAt: new Date().toISOString(),
        grade,
      },
    });

    it('issues exactly once per (rule, learner, course) despite duplicates, and dead-letters a refused completion', async () => {
      const rule = await call('POST', '/issuance-rules', {
        key: keyA,
        body: { partnerCourseId: 'DATA-101', minimumScore: 70, achievementId },
      });
      expect(rule.status).toBe(201);
      const dlq = await collect('issuance.dlq');
      const first = completion('cleo@example.org', '88');
      await producer.send({
        topic: TOPICS.partnerLearning,
        messages: [
          first,
          { ...first, id: uuidv7() },
          completion('cleo@example.org', '95'),
          completion('low@example.org', '50'),
        ].map(toKafkaMessage),
      });
      const byLearner = () => call('GET', '/credentials?recipientEmail=cleo@example.org', { key: keyA });
      await until(async () => (await byLearner()).body['items'].length === 1 || dlq.length > 0, { timeoutMs: 30_000 });
      expect(dlq.map(({ headers }) => headers[DEAD_LETTER_HEADERS.error])).toEqual([]);

      // A schema-invalid completion is dead-lettered by the transport; one the rules refuse, by the consumer.
      const invalid = completion('x@', '99');
      const retired = (
        await call('POST', '/achievements', {
          key: keyA,
          body: { issuerId, name: 'Retired', description: 'R.', criteria: { narrative: 'R.' } },
        })
      ).body['achievementId'];
      await call('POST', '/issuance-rules', {
        key: keyA,
        body: { partnerCourseId: 'RETIRED-1', achievementId: retired },
      });
      await call('POST', `/achievements/${retired}/archive`, { key: keyA, body: {} });
      const refused = completion('dana@example.org', '99', 'RETIRED-1');
      await producer.send({ topic: TOPICS.partnerLearning, messages: [invalid, refused].map(toKafkaMessage) });
      await until(() => dlq.length === 2, { timeoutMs: 30_000 });
      const reasonOf = (id: string) => dlq.find(({ event }) => event.id === id)?.headers;
      expect(reasonOf(invalid.id)?.[DEAD_LETTER_HEADERS.reason]).toBe('invalid');
      expect(reasonOf(refused.id)?.[DEAD_LETTER_HEADERS.error]).toContain('CREDENTIAL_ACHIEVEMENT_ARCHIVED');
      expect(reasonOf(refused.id)?.[DEAD_LETTER_HEADERS.reason]).toBe('non-retriable');

      expect((await byLearner()).body['items']).toHaveLength(1);
      const low = await call('GET', '/credentials?recipientEmail=low@example.org', { key: keyA });
      expect(low.body['items']).toHaveLength(0);
    }, 90_000);

    it('issues a burst in batches: each passing completion once (events caused by it), a refusal dead-lettered, a resend nothing', async () => {
      const rule = await call('POST', '/issuance-rules', {
        key: keyA,
        body: { partnerCourseId: 'BURST-1', minimumScore: 60, achievementId },
      });
      const retiring = (
        await call('POST', '/achievements', {
          key: keyA,
          body: { issuerId, name: 'Retiring', description: 'R.', criteria: { narrative: 'R.' } },
        })
      ).body['achievementId'];
      const retiringRule = await call('POST', '/issuance-rules', {
        key: keyA,
        body: { partnerCourseId: 'BURST-RETIRED', achievementId: retiring },
      });
      expect([rule.status, retiringRule.status]).toEqual([201, 201]);
      expect((await call('POST', `/achievements/${retiring}/archive`, { key: keyA, body: {} })).status).toBe(200);
      const burst = Array.from({ length: 120 }, (_, i) =>
        completion(`burst${i}@example.org`, String(50 + (i % 50)), 'BURST-1'),
      );
      const refused = completion('burst-refused@example.org', '99', 'BURST-RETIRED');
      const repeats = burst.slice(0, 10).map((event) => ({ ...event, id: uuidv7() }));
      const sent = [...burst.slice(0, 60), refused, ...repeats, ...burst.slice(60)];
      const passing = burst.filter((event) => Number((event.data as { grade: string }).grade) >= 60);
      const dlq = await collect('issuance.dlq');
      const issuedEvents = await collect(TOPICS.issuanceCredential);
      const partnerCount = async () =>
        (await call('GET', `/credentials/count?achievementId=${achievementId}&trigger=partner`, { key: keyA })).body[
          'count'
        ] as number;
      const before = await partnerCount();

      await producer.send({ topic: TOPICS.partnerLearning, messages: sent.map(toKafkaMessage) });
      await until(
        async () =>
          (await partnerCount()) >= before + passing.length && dlq.some(({ event }) => event.id === refused.id),
        {
          timeoutMs: 60_000,
        },
      );
      const caused = () =>
        issuedEvents.filter(({ event }) => burst.some((completion) => completion.id === event.causationId));
      await until(() => caused().length >= passing.length, { timeoutMs: 30_000 });
      expect(
        caused()
          .map(({ event }) => event.causationId)
          .sort(),
      ).toEqual(passing.map((event) => event.id).sort());
      for (const { event } of caused()) {
        const completion = burst.find(({ id }) => id === event.causationId);
        expect(event.correlationId).toBe(completion?.correlationId);
        expect(event.data).toMatchObject({ trigger: { kind: 'partner', reference: completion?.id } });
      }
      const letter = dlq.find(({ event }) => event.id === refused.id)?.headers;
      expect(letter?.[DEAD_LETTER_HEADERS.error]).toContain('CREDENTIAL_ACHIEVEMENT_ARCHIVED');

      // The whole burst again (a partner replaying its feed): nothing new is issued, the refusal is dead-lettered again.
      const letters = dlq.length;
      const resent = sent.map((event) => ({ ...event, id: uuidv7() }));
      await producer.send({ topic: TOPICS.partnerLearning, messages: resent.map(toKafkaMessage) });
      const admin = kafka.admin();
      await admin.connect();
      const consumedAll = async () => {
        const ends = await admin.fetchTopicOffsets(TOPICS.partnerLearning);
        const [committed] = await admin.fetchOffsets({ groupId: 'issuance', topics: [TOPICS.partnerLearning] });
        return ends.every(({ partition, high }) =>
          committed.partitions.some((done) => done.partition === partition && done.offset === high),
        );
      };
      await until(async () => dlq.length > letters && (await consumedAll()), { timeoutMs: 60_000 });
      await admin.disconnect();
      expect(await partnerCount()).toBe(before + passing.length);
      expect(caused()).toHaveLength(passing.length);
      const other = await call('GET', '/credentials/count?trigger=partner', { key: keyB });
      expect([other.status, other.body['count']]).toEqual([200, 0]);
      const bad = await call('GET', '/credentials/count?status=lost', { key: keyA });
      expect(bad.status).toBe(400);
    }, 150_000);
  });

  describe('VC-API', () => {
    it('POST /credentials/issue answers 201 with an EnvelopedVerifiableCredential', async () => {
      const issued = await call('POST', '/credentials/issue', {
        key: keyA,
        body: {
          credential: {
            '@context': ['https://www.w3.org/ns/credentials/v2'],
            type: ['VerifiableCredential', 'OpenBadgeCredential'],
            credentialSubject: { id: 'did:example:vcapi-1', achievement: { id: `urn:uuid:${achievementId}` } },
          },
        },
      });
      expect(issued.status).toBe(201);
      const envelope = issued.body['verifiableCredential'];
      expect(envelope).toMatchObject({ type: 'EnvelopedVerifiableCredential' });
      expect(envelope['id']).toMatch(/^data:application\/vc\+jwt,eyJ/);
      const refused = await call('POST', '/credentials/issue', { key: keyA, body: { credential: {} } });
      expect([refused.status, refused.body['code']]).toEqual([400, 'REQUEST_INVALID']);
    });
  });

  describe('tenant isolation', () => {
    it('refuses tenant B’s key on every credential, bulk and rule route of tenant A', async () => {
      const job = (
        await call('POST', `/bulk-issuance-jobs?achievementId=${achievementId}`, {
          key: keyA,
          raw: 'email\niso@example.org\n',
        })
      ).body['jobId'];
      const rule = (await call('GET', '/issuance-rules', { key: keyA })).body['items'][0]['ruleId'];
      const attempts: [string, string, unknown?, string?][] = [
        ['GET', `/credentials/${issuedId}`],
        ['GET', `/credentials/${issuedId}/history`],
        ['POST', `/credentials/${issuedId}/revoke`, { reason: 'x' }],
        ['POST', `/credentials/${issuedId}/suspend`, { reason: 'x' }],
        ['POST', `/credentials/${issuedId}/reinstate`, {}],
        ['POST', '/credentials', { achievementId, recipient: { email: 'b@b.org' } }],
        [
          'POST',
          '/credentials/issue',
          {
            credential: {
              credentialSubject: { id: 'did:example:b', achievement: { id: `urn:uuid:${achievementId}` } },
            },
          },
        ],
        ['POST', `/bulk-issuance-jobs?achievementId=${achievementId}`, undefined, 'email\nb@b.org\n'],
        ['GET', `/bulk-issuance-jobs/${job}`],
        ['GET', `/bulk-issuance-jobs/${job}/errors`],
        ['POST', `/bulk-issuance-jobs/${job}/cancel`, {}],
        ['GET', `/issuance-rules/${rule}`],
        ['POST', `/issuance-rules/${rule}/disable`, {}],
        ['POST', '/issuance-rules', { partnerCourseId: 'X', achievementId }],
      ];
      for (const [method, path, body, raw] of attempts) {
        const result = await call(method, path, { key: keyB, body, raw });
        expect([`${method} ${path}`, result.status]).toEqual([`${method} ${path}`, 404]);
      }
      expect((await call('GET', '/credentials', { key: keyB })).body['items']).toEqual([]);
      expect((await call('GET', '/issuance-rules', { key: keyB })).body['items']).toEqual([]);
      expect((await call('GET', `/credentials/${issuedId}`, { key: keyA })).body['status']).toBe('revoked');
    }, 60_000);

    it('refuses requests without a key or with a key lacking the scope', async () => {
      expect((await call('GET', `/credentials/${issuedId}`)).status).toBe(401);
      expect((await call('POST', '/credentials', { body: {} })).status).toBe(401);
    });
  });
});

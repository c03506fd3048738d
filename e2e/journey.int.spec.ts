import { randomBytes } from 'node:crypto';
import { waitFor } from '@credstream/testing';
import { call, expectStatus } from './support/http-call';
import { OtlpTraceReceiver, ReceivedSpan } from './support/otlp-trace-receiver';
import { RunningPlatform, type ServiceName } from './support/running-platform';
import { SmtpInbox } from './support/smtp-inbox';

const ADMIN_TOKEN = randomBytes(24).toString('hex');
const TENANT = 'e2e-hochschule-berlin';
const RECIPIENT = 'lea.mueller@example.org';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const VERIFIER = { organization: 'Nordwind Logistik GmbH', sector: 'H49', country: 'DE' };
const SPAN_KIND = { server: 2, producer: 4, consumer: 5 } as const;

interface Trace {
  traceId: string;
  /** The caller's span, parent of the service's server span. */
  callerSpanId: string;
  traceparent: string;
}

function newTrace(): Trace {
  const traceId = randomBytes(16).toString('hex');
  const callerSpanId = randomBytes(8).toString('hex');
  return { traceId, callerSpanId, traceparent: `00-${traceId}-${callerSpanId}-01` };
}

type Counts = Record<string, number | string>;

/**
 * One credential's whole life across the four built services, running as real processes on private Kafka,
 * FerretDB and ClickHouse, through their HTTP APIs and Kafka only: a platform administrator sets up an
 * institution, issuance issues; sharing mails the claim link, the recipient claims and shares it on LinkedIn, a
 * stranger views it; an employer verifies it (passes), and so do its baked PNG and SVG badges; issuance revokes it,
 * the employer verifies again (fails as revoked); analytics counts exactly that; and the issue request's trace
 * reaches every service.
 */
describe('the credential journey across the running platform', () => {
  const receiver = new OtlpTraceReceiver();
  const inbox = new SmtpInbox();
  const platform = new RunningPlatform();
  const issueTrace = newTrace();
  const revokeTrace = newTrace();
  const issuerTrace = newTrace();

  let apiKey: string;
  /** A read-only key for the dashboards: analytics knows it only from issuance's events. */
  let analyticsKey: string;
  let issuerId: string;
  let achievementId: string;
  let credentialId: string;
  let jwt: string;
  /** The recipient's signed-in session, from the claim. */
  let session: { headers: { cookie: string } };

  const issuance = (method: string, path: string, options?: Parameters<typeof call>[3]) =>
    call(platform.urls.issuance, method, path, { bearer: apiKey, ...options });
  const sharing = (method: string, path: string, options?: Parameters<typeof call>[3]) =>
    call(platform.urls.sharing, method, path, options);
  const verify = () =>
    call(platform.urls.verification, 'POST', '/verify', { json: { credential: jwt, verifier: VERIFIER } });

  /** Waits until `service` exported a span named `name` in `trace` (spans are exported once they end). */
  const spanOf = (trace: Trace, service: ServiceName, name: string): Promise<ReceivedSpan> =>
    waitFor(
      async () =>
        receiver.trace(trace.traceId).find((span) => span.service === `credstream-${service}` && span.name === name),
      (span) => span !== undefined,
      { what: `span "${name}" of ${service} in trace ${trace.traceId}`, timeoutMs: 60_000, intervalMs: 250 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${service} log:\n${platform.logTail(service, 40)}`);
    }) as Promise<ReceivedSpan>;

  beforeAll(async () => {
    const otlpEndpoint = await receiver.start();
    const smtpUrl = await inbox.start();
    // Spans exported every 200 ms instead of 5 s: the test waits on them.
    const everywhere = { OTEL_BSP_SCHEDULE_DELAY: '200' };
    await platform.start({
      otlpEndpoint,
      env: (urls) => ({
        issuance: {
          ...everywhere,
          PLATFORM_ADMIN_TOKEN: ADMIN_TOKEN,
          ISSUANCE_PUBLIC_URL: urls.issuance,
          DID_WEB_ALLOW_INSECURE_LOCALHOST: 'true',
        },
        sharing: {
          ...everywhere,
          SMTP_URL: smtpUrl,
          SHARING_PUBLIC_URL: urls.sharing,
          VERIFICATION_PUBLIC_URL: urls.verification,
          VIEW_FLUSH_INTERVAL_MS: '100',
        },
        verification: { ...everywhere, DID_WEB_ALLOW_INSECURE_LOCALHOST: 'true' },
        analytics: { ...everywhere, ANALYTICS_BATCH_MAX_WAIT_MS: '200' },
      }),
    });
  }, 240_000);

  afterAll(async () => {
    await platform.stop();
    await Promise.all([receiver.stop(), inbox.stop()]);
  }, 60_000);

  it('a platform administrator sets up an institution: tenant, issuer, ESCO-aligned achievement', async () => {
    const tenant = expectStatus(
      await call(platform.urls.issuance, 'POST', '/admin/tenants', {
        bearer: ADMIN_TOKEN,
        json: {
          tenantId: TENANT,
          name: 'Hochschule Berlin',
          country: 'DE',
          sector: 'higher-education',
          initialApiKey: { name: 'registrar', scopes: ['admin', 'issue', 'revoke'] },
        },
      }),
      201,
      'create the tenant',
    ).body;
    apiKey = (tenant['apiKey'] as { key: string }).key;
    const dashboards = expectStatus(
      await issuance('POST', '/tenants/me/api-keys', { json: { name: 'dashboards', scopes: ['analytics-read'] } }),
      201,
      'create the analytics key',
    ).body;
    analyticsKey = dashboards['key'] as string;

    const issuer = expectStatus(
      await issuance('POST', '/issuers', {
        headers: { traceparent: issuerTrace.traceparent },
        json: {
          name: 'Hochschule Berlin',
          url: 'https://hochschule-berlin.example',
          email: 'credentials@hochschule-berlin.example',
        },
      }),
      201,
      'create the issuer',
    ).body;
    issuerId = issuer['issuerId'] as string;

    const achievement = expectStatus(
      await issuance('POST', '/achievements', {
        json: {
          issuerId,
          name: 'Supply Chain Analytics',
          description: 'Analyses and forecasts supply chain data.',
          criteria: { narrative: 'Pass the supply chain analytics module with 60% or more.' },
          achievementType: 'Course',
          alignments: [
            {
              targetName: 'analysing and evaluating information and data',
              targetUrl: 'http://data.europa.eu/esco/skill/S2.7',
              targetCode: 'S2.7',
              targetFramework: 'ESCO',
            },
          ],
        },
      }),
      201,
      'create the achievement',
    ).body;
    achievementId = achievement['achievementId'] as string;
  }, 30_000);

  it('issuance issues a credential to an email, in the caller’s trace', async () => {
    const issued = expectStatus(
      await issuance('POST', '/credentials', {
        headers: { traceparent: issueTrace.traceparent },
        json: { achievementId, issuerId, recipient: { email: RECIPIENT }, recipientName: 'Lea Müller' },
      }),
      201,
      'issue the credential',
    ).body;
    credentialId = issued['credentialId'] as string;
    jwt = issued['jwt'] as string;
    expect(issued['status']).toBe('issued');
    expect(jwt.split('.')).toHaveLength(3);
    const subject = (issued['credential'] as { credentialSubject: { achievement: Record<string, unknown> } })
      .credentialSubject;
    expect(subject.achievement['alignment']).toEqual([
      expect.objectContaining({ targetFramework: 'ESCO', targetUrl: 'http://data.europa.eu/esco/skill/S2.7' }),
    ]);
  }, 30_000);

  it('sharing mails a claim link; the recipient claims, accepts, publishes and shares it on LinkedIn', async () => {
    const link = await inbox.waitForLink(RECIPIENT, `${platform.urls.sharing}/claim?`);
    expect(link.searchParams.get('credential')).toBe(credentialId);

    const claim = expectStatus(
      await sharing('POST', '/api/claims', {
        json: { credentialId: link.searchParams.get('credential'), token: link.searchParams.get('token') },
      }),
      201,
      'claim with the emailed link',
    );
    const cookie = claim.cookie as string;
    expect(cookie).toMatch(/^cs_session=/);
    session = { headers: { cookie } };
    const wallet = `/api/wallet/credentials/${credentialId}`;

    expectStatus(await sharing('POST', `${wallet}/accept`, session), 200, 'accept');
    const visibility = expectStatus(
      await sharing('PUT', `${wallet}/visibility`, { ...session, json: { visibility: 'public' } }),
      200,
      'make public',
    ).body;
    expect(visibility).toMatchObject({ decision: 'accepted', visibility: 'public' });

    const share = expectStatus(
      await sharing('POST', `${wallet}/shares`, { ...session, json: { channel: 'linkedin' } }),
      201,
      'share on LinkedIn',
    ).body;
    expect(share['url']).toBe(`${platform.urls.sharing}/s/${share['shareId'] as string}`);

    const page = await sharing('GET', `/s/${share['shareId'] as string}`, {
      headers: { accept: 'text/html', 'user-agent': BROWSER, 'cf-ipcountry': 'DE' },
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Supply Chain Analytics');
    expect(page.text).toContain('Hochschule Berlin');
    expect(page.text).toContain('analysing and evaluating information and data');
    expect(page.text).not.toContain(RECIPIENT);
  }, 90_000);

  it('verification verifies it, knowing the issuer from issuance’s events alone', async () => {
    // Verification learns issuers and credentials from Kafka: wait until it has processed them, without verifying.
    await spanOf(issuerTrace, 'verification', 'process issuer.created.v1');
    await spanOf(issueTrace, 'verification', 'process credential.issued.v1');

    const result = expectStatus(await verify(), 200, 'verify').body;
    expect(result).toMatchObject({
      verified: true,
      issuer: { name: 'Hochschule Berlin', tenantId: TENANT },
    });
    const checks = result['checks'] as { name: string; status: string; code?: string }[];
    expect(checks.filter((check) => check.status === 'failed')).toEqual([]);
    expect(checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'signature', status: 'passed' }),
        expect.objectContaining({ name: 'status', status: 'passed' }),
        expect.objectContaining({ name: 'issuer', status: 'passed' }),
      ]),
    );
  }, 90_000);

  it('the recipient’s baked PNG and SVG badges carry the credential, and verify through the verification service', async () => {
    for (const [format, type] of [
      ['png', 'image/png'],
      ['svg', 'image/svg+xml'],
    ] as const) {
      const download = await fetch(
        new URL(`/api/wallet/credentials/${credentialId}/download?format=${format}`, platform.urls.sharing),
        session,
      );
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toContain(type);
      const form = new FormData();
      form.append('file', new Blob([await download.arrayBuffer()], { type }), `badge.${format}`);
      const response = await fetch(new URL('/verify', platform.urls.verification), {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'x-verifier-organization': VERIFIER.organization,
          'x-verifier-sector': VERIFIER.sector,
          'x-verifier-country': VERIFIER.country,
        },
        body: form,
      });
      const result = (await response.json()) as { verified: boolean; checks: { status: string }[] };
      expect({ format, status: response.status, verified: result.verified }).toEqual({
        format,
        status: 200,
        verified: true,
      });
      expect(result.checks.filter((check) => check.status === 'failed')).toEqual([]);
    }
  }, 60_000);

  it('revoked on issuance, it fails verification as revoked', async () => {
    const revoked = expectStatus(
      await issuance('POST', `/credentials/${credentialId}/revoke`, {
        headers: { traceparent: revokeTrace.traceparent },
        json: { reason: 'assessment annulled' },
      }),
      200,
      'revoke',
    ).body;
    expect(revoked).toEqual({ credentialId, status: 'revoked' });
    await spanOf(revokeTrace, 'verification', 'process credential.revoked.v1');

    const result = expectStatus(await verify(), 200, 'verify the revoked credential').body;
    expect(result['verified']).toBe(false);
    const checks = result['checks'] as { name: string; status: string; code?: string }[];
    expect(checks.filter((check) => check.status === 'failed')).toEqual([
      expect.objectContaining({ name: 'status', status: 'failed', code: 'STATUS_REVOKED' }),
    ]);
  }, 90_000);

  it('analytics shows exactly this journey for the tenant', async () => {
    let refusal = '';
    const insight = async (name: string) => {
      const response = await call(platform.urls.analytics, 'GET', `/v1/insights/${name}`, { bearer: analyticsKey });
      if (response.status === 200) return response.body['tables'] as Record<string, Counts[]>;
      refusal = `GET /v1/insights/${name}: HTTP ${response.status} ${response.text.slice(0, 300)}`;
      return undefined;
    };
    const snapshot = async () => {
      const [impact, funnel, reach, verifications] = await Promise.all(
        ['impact', 'funnel', 'reach', 'verifications'].map(insight),
      );
      if (!impact || !funnel || !reach || !verifications) return { refusal };
      return {
        impact: numbers(impact['totals']?.[0], ['issued', 'claimed', 'accepted', 'revoked', 'active']),
        funnel: Object.fromEntries((funnel['steps'] ?? []).map((row) => [row['step'], Number(row['count'])])),
        reach: numbers(reach['totals']?.[0], ['shares', 'views', 'views_via_shares', 'unique_viewers']),
        reachByChannel: (reach['byChannel'] ?? []).map((row) => numbers(row, ['channel', 'shares', 'views'])),
        reachByCountry: (reach['byCountry'] ?? []).map((row) => numbers(row, ['viewer_country', 'views'])),
        verifications: numbers(verifications['totals']?.[0], ['verifications', 'passed', 'failed']),
        failureReasons: (verifications['failureReasons'] ?? []).map((row) => numbers(row, ['code', 'verifications'])),
        bySector: (verifications['bySector'] ?? []).map((row) =>
          numbers(row, ['sector', 'verifications', 'passed', 'failed']),
        ),
      };
    };
    const expected = {
      impact: { issued: 1, claimed: 1, accepted: 1, revoked: 1, active: 0 },
      funnel: { issued: 1, claimed: 1, shared: 1, viewed: 1, verified: 1 },
      reach: { shares: 1, views: 1, views_via_shares: 1, unique_viewers: 1 },
      reachByChannel: [{ channel: 'linkedin', shares: 1, views: 1 }],
      reachByCountry: [{ viewer_country: 'DE', views: 1 }],
      verifications: { verifications: 4, passed: 3, failed: 1 },
      failureReasons: [{ code: 'STATUS_REVOKED', verifications: 1 }],
      bySector: [{ sector: 'H49', verifications: 4, passed: 3, failed: 1 }],
    };
    // Wait until everything the journey did has been projected (each figure at least what is expected) ...
    const seen = await waitFor(snapshot, (current) => atLeast(current, expected), {
      what: 'analytics to count the journey',
      timeoutMs: 90_000,
      intervalMs: 1_000,
    }).catch((error: Error) => {
      throw new Error(`${error.message}\nanalytics log:\n${platform.logTail('analytics', 40)}`);
    });
    // ... then it must be exactly that: nothing counted twice, nothing missing.
    expect(seen).toEqual(expected);
  }, 120_000);

  it('one trace spans issuance, Kafka, sharing, verification and analytics', async () => {
    const { traceId } = issueTrace;
    const publish = await spanOf(issueTrace, 'issuance', 'publish credential.issued.v1');
    const consumers = await Promise.all(
      (['sharing', 'verification', 'analytics'] as const).map((service) =>
        spanOf(issueTrace, service, 'process credential.issued.v1'),
      ),
    );
    const spans = receiver.trace(traceId);
    const request = spans.find(
      (span) => span.service === 'credstream-issuance' && span.parentSpanId === issueTrace.callerSpanId,
    );
    expect(request).toMatchObject({ kind: SPAN_KIND.server });
    expect(publish).toMatchObject({ traceId, kind: SPAN_KIND.producer });
    // The relay published in the request's trace: its span descends from the request's span, through issuance's own.
    expect(ancestry(publish, spans)).toContain(request?.spanId);
    for (const consumer of consumers) {
      // Each consumer continues the relay's publish span: the trace crossed Kafka, it was not restarted.
      expect(consumer).toMatchObject({ traceId, kind: SPAN_KIND.consumer, parentSpanId: publish.spanId });
    }
    expect(new Set(spans.map((span) => span.service))).toEqual(
      new Set(['credstream-issuance', 'credstream-sharing', 'credstream-verification', 'credstream-analytics']),
    );
  }, 90_000);
});

/** Span ids from `span`'s parent up to the root, as far as the spans received go. */
function ancestry(span: ReceivedSpan, spans: ReceivedSpan[]): string[] {
  const byId = new Map(spans.map((candidate) => [candidate.spanId, candidate]));
  const ids: string[] = [];
  for (let parent = span.parentSpanId; parent && !ids.includes(parent); parent = byId.get(parent)?.parentSpanId) {
    ids.push(parent);
  }
  return ids;
}

/** The named columns of an insight row, counts as numbers (ClickHouse sends 64-bit integers as strings). */
function numbers(row: Counts | undefined, columns: string[]): Record<string, number | string> {
  return Object.fromEntries(
    columns.map((column) => {
      const value = row?.[column];
      return [column, typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : (value ?? 'missing')];
    }),
  );
}

/** Whether every count in `actual` has reached the one in `expected` (texts are compared exactly afterwards). */
function atLeast(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number') return Number(actual) >= expected;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((item, index) => atLeast(actual[index], item));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) => atLeast(record[key], value));
  }
  return true;
}

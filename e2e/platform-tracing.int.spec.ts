import { randomBytes } from 'node:crypto';
import { waitFor } from '@credstream/testing';
import { OtlpTraceReceiver } from './support/otlp-trace-receiver';
import { RunningPlatform, SERVICES } from './support/running-platform';

/**
 * The four built services as real processes on private infrastructure, exporting their traces over
 * OTLP/HTTP to a receiver in this test, as they would to an OpenTelemetry Collector in production.
 */
describe('the running platform', () => {
  const receiver = new OtlpTraceReceiver();
  const platform = new RunningPlatform();

  beforeAll(async () => {
    const otlpEndpoint = await receiver.start();
    await platform.start({ otlpEndpoint });
  }, 240_000);

  afterAll(async () => {
    await platform.stop();
    await receiver.stop();
  }, 60_000);

  it.each(SERVICES)(
    '%s continues the caller’s W3C trace and exports its spans over OTLP',
    async (service) => {
      const traceId = randomBytes(16).toString('hex');
      const response = await fetch(`${platform.urls[service]}/docs/openapi.json`, {
        headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      });
      expect(response.status).toBe(200);
      const spans = await waitFor(
        async () => receiver.trace(traceId),
        (found) => found.some((span) => span.service === `credstream-${service}` && span.kind === 2),
        { what: `a server span from ${service} in trace ${traceId}`, timeoutMs: 20_000 },
      );
      expect(spans.every((span) => span.service === `credstream-${service}`)).toBe(true);
    },
    30_000,
  );

  it('a request to a fast-lane route (POST /verify) continues the caller’s trace as well', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${platform.urls.verification}/verify`, {
      method: 'POST',
      headers: {
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ credential: 'not.a.jwt' }),
    });
    expect(response.status).toBe(200);
    const spans = await waitFor(
      async () => receiver.trace(traceId),
      (found) => found.some((span) => span.name === 'POST /verify' && span.kind === 2),
      { what: `the fast lane's server span in trace ${traceId}`, timeoutMs: 20_000 },
    );
    expect(spans.find((span) => span.name === 'POST /verify')?.service).toBe('credstream-verification');
  }, 30_000);
});

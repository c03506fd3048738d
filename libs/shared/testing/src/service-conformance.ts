import { bootService, BootedService } from './boot-service';
import { createPrivateInfra, InfraComponent, PrivateInfra } from './private-infra/private-infra';
import { readiness } from './readiness';
import { waitFor } from './wait-for';
import type { DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ServiceDescription } from '@credstream/runtime';

export interface ConformanceOptions {
  service: ServiceDescription;
  /** Builds the root module from service variables (unset ones take the defaults: the local tools/infra servers). */
  rootModule: (env: Record<string, string>, logger: Logger) => DynamicModule;
  /** Readiness names of every dependency, e.g. ['mongodb', 'kafka']. */
  dependencies: string[];
  /** The dependency this suite stops (on a private instance) to prove readiness names it. */
  stopped: { component: InfraComponent; name: string };
}

/**
 * What every credstream service must do on real infrastructure: live, ready when its dependencies
 * answer, 503 naming the one that stops (and ready again when it returns), OpenAPI at /docs, and
 * correlation ids on every response.
 */
export function describeServiceConformance(options: ConformanceOptions): void {
  const boot = (env: Record<string, string> = {}) =>
    bootService(options.service, (logger) => options.rootModule(env, logger));

  describe(`${options.service.name} service on real infrastructure`, () => {
    describe('with every dependency up', () => {
      let service: BootedService;
      beforeAll(async () => {
        service = await boot();
      }, 60_000);
      // Closing waits for consumers to leave their groups and producers to flush: seconds on a busy machine.
      afterAll(() => service?.close(), 60_000);

      it(`is live and becomes ready once ${options.dependencies.join(' and ')} answer`, async () => {
        expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
        const ready = await waitFor(
          () => readiness(service),
          (r) => r.status === 200,
          { what: 'readiness 200' },
        );
        expect(Object.keys(ready.body.details).sort()).toEqual([...options.dependencies].sort());
        for (const name of options.dependencies) expect(ready.body.details[name]).toEqual({ status: 'up' });
      });

      it('publishes its OpenAPI document at /docs', async () => {
        const response = await fetch(`${service.url}/docs/openapi.json`);
        expect(response.status).toBe(200);
        const document = (await response.json()) as { info: { title: string }; paths: Record<string, unknown> };
        expect(document.info.title).toBe(options.service.title);
        expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
        expect((await fetch(`${service.url}/docs`)).headers.get('content-type')).toMatch(/text\/html/);
      });

      it('publishes the platform event contracts (AsyncAPI 3) at /docs/asyncapi.json', async () => {
        const response = await fetch(`${service.url}/docs/asyncapi.json`);
        expect(response.status).toBe(200);
        const document = (await response.json()) as { asyncapi: string; channels: Record<string, unknown> };
        expect(document.asyncapi).toMatch(/^3\./);
        expect(Object.keys(document.channels).length).toBeGreaterThan(0);
      });

      it('answers bad requests with problem details and a stable code, never a 5xx', async () => {
        const missing = await fetch(`${service.url}/no-such-route`);
        expect(missing.status).toBe(404);
        expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect(await missing.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/no-such-route' });

        const malformed = await fetch(`${service.url}/health/live`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"unterminated": ',
        });
        expect(malformed.status).toBe(400);
        const malformedProblem = (await malformed.json()) as { code: string; detail: string };
        expect(malformedProblem.code).toBe('BAD_REQUEST');
        expect(malformedProblem.detail).toMatch(/JSON/);
        expect(missing.headers.get('x-powered-by')).toBeNull();
      });

      it('exposes Prometheus metrics at /metrics', async () => {
        const response = await fetch(`${service.url}/metrics`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/text\/plain/);
        expect(await response.text()).toMatch(/^process_cpu_seconds_total /m);
      });

      it('echoes a well-formed correlation id and replaces a malformed one', async () => {
        const echoed = await fetch(`${service.url}/health/live`, { headers: { 'x-correlation-id': 'journey-42' } });
        expect(echoed.headers.get('x-correlation-id')).toBe('journey-42');
        const replaced = await fetch(`${service.url}/health/live`, {
          headers: { 'x-correlation-id': 'bad id with spaces' },
        });
        expect(replaced.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
      });
    });

    describe(`when ${options.stopped.name} stops`, () => {
      let dependency: PrivateInfra;
      let service: BootedService;
      beforeAll(async () => {
        dependency = await createPrivateInfra(options.stopped.component);
        await dependency.start();
        service = await boot(dependency.serviceEnv);
      }, 180_000);
      afterAll(async () => {
        await service?.close();
        await dependency?.dispose();
      }, 60_000);

      it(`answers 503 naming ${options.stopped.name}, and is ready again once it is back`, async () => {
        await waitFor(
          () => readiness(service),
          (r) => r.status === 200,
          { what: 'readiness 200', timeoutMs: 40_000 },
        );

        await dependency.stop();
        const down = await waitFor(
          () => readiness(service),
          (r) => r.status === 503,
          { what: 'readiness 503' },
        );
        expect(Object.keys(down.body.error)).toEqual([options.stopped.name]);
        expect(down.body.error[options.stopped.name].status).toBe('down');
        for (const name of options.dependencies.filter((n) => n !== options.stopped.name)) {
          expect(down.body.details[name].status).toBe('up');
        }

        await dependency.start();
        await waitFor(
          () => readiness(service),
          (r) => r.status === 200,
          { what: 'readiness 200 again', timeoutMs: 60_000 },
        );
      }, 240_000);
    });
  });
}

import { createServer, Server, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpStatus } from '@nestjs/common';
import pino from 'pino';
import { currentRequestContext } from '@credstream/observability';
import { ProblemException } from '../problem.exception';
import { installFastLane } from './fast-lane';
import type { FastReply, FastRoute } from './fast-route';
import { isJsonRequest, parseJsonBody, readRequestBody } from './request-body';

/** Echoes a JSON body with the request's dating; `/echo/boom` fails unexpectedly, `/echo/refuse` refuses. */
class EchoRoute implements FastRoute {
  readonly replyHeaders = { 'access-control-allow-origin': '*' };

  match(request: IncomingMessage, path: string): string | undefined {
    return request.method === 'POST' && path.startsWith('/echo') && isJsonRequest(request) ? '/echo/:what' : undefined;
  }

  async serve(request: IncomingMessage, path: string): Promise<FastReply> {
    if (path === '/echo/boom') throw new Error('database password is hunter2');
    if (path === '/echo/refuse') {
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'RATE_LIMITED', 'slow down', [], { 'retry-after': '7' });
    }
    const body = parseJsonBody(await readRequestBody(request, 64));
    const occurredAt = currentRequestContext()?.occurredAt?.toISOString() ?? null;
    return { status: 200, contentType: 'application/json', body: JSON.stringify({ body, occurredAt }) };
  }
}

/** `GET /now/...` answered synchronously (no promise), `/now/refuse` refused synchronously. */
class SyncRoute implements FastRoute {
  match(request: IncomingMessage, path: string): string | undefined {
    return request.method === 'GET' && path.startsWith('/now') ? '/now/:what' : undefined;
  }

  serve(_request: IncomingMessage, path: string): FastReply {
    if (path === '/now/refuse') throw new ProblemException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'nothing here');
    const correlationId = currentRequestContext()?.correlationId ?? null;
    return { status: 200, contentType: 'application/json', body: JSON.stringify({ correlationId }) };
  }
}

async function serverWith(allowHistoricalTimestamps: boolean): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(418, { 'content-type': 'text/plain' }).end('the application');
  });
  installFastLane(server, {
    routes: [new EchoRoute(), new SyncRoute()],
    logger: pino({ level: 'silent' }),
    allowHistoricalTimestamps,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const json = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

describe('fast lane', () => {
  let strict: { url: string; server: Server };
  let historical: { url: string; server: Server };

  beforeAll(async () => {
    strict = await serverWith(false);
    historical = await serverWith(true);
  });
  afterAll(() => {
    strict.server.close();
    historical.server.close();
  });

  it('sends the answer of a route that answers synchronously, in the request context, and its refusals', async () => {
    const served = await fetch(`${strict.url}/now/x`, { headers: { 'x-correlation-id': 'corr-sync-1' } });
    expect(served.status).toBe(200);
    expect(served.headers.get('x-correlation-id')).toBe('corr-sync-1');
    expect(await served.json()).toEqual({ correlationId: 'corr-sync-1' });

    const refused = await fetch(`${strict.url}/now/refuse`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves the requests its routes match and hands every other one to the application', async () => {
    const served = await fetch(`${strict.url}/echo/x`, json('{"a":1}'));
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual({ body: { a: 1 }, occurredAt: null });
    expect(served.headers.get('access-control-allow-origin')).toBe('*');
    for (const declined of [
      fetch(`${strict.url}/echo/x`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'a' }),
      fetch(`${strict.url}/echo/x`),
      fetch(`${strict.url}/elsewhere`, json('{}')),
    ]) {
      expect((await declined).status).toBe(418);
    }
  });

  it("takes its requests before an instrumented Server.prototype.emit (OpenTelemetry's) sees them", async () => {
    const instrumented: string[] = [];
    class InstrumentedServer extends Server {
      override emit(event: string, ...args: unknown[]): boolean {
        if (event === 'request') instrumented.push((args[0] as IncomingMessage).url ?? '');
        return super.emit(event, ...args);
      }
    }
    const server = new InstrumentedServer((_request, response) => void response.writeHead(418).end());
    installFastLane(server, {
      routes: [new EchoRoute()],
      logger: pino({ level: 'silent' }),
      allowHistoricalTimestamps: false,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${url}/echo/x`, json('{}'))).status).toBe(200);
      expect((await fetch(`${url}/elsewhere`)).status).toBe(418);
      expect(instrumented).toEqual(['/elsewhere']);
    } finally {
      server.close();
    }
  });

  it('echoes an acceptable correlation id and makes one up otherwise', async () => {
    const kept = await fetch(`${strict.url}/echo/x`, json('{}', { 'x-correlation-id': 'order-42' }));
    expect(kept.headers.get('x-correlation-id')).toBe('order-42');
    const replaced = await fetch(`${strict.url}/echo/x`, json('{}', { 'x-correlation-id': 'no spaces allowed' }));
    expect(replaced.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers bad input as problem details: malformed JSON 400, a body over the limit 413', async () => {
    const malformed = await fetch(`${strict.url}/echo/x`, json('{"a":'));
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    expect(await malformed.json()).toMatchObject({ status: 400, code: 'MALFORMED_BODY', instance: '/echo/x' });
    const tooLarge = await fetch(`${strict.url}/echo/x`, json(JSON.stringify({ text: 'x'.repeat(100) })));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(tooLarge.headers.get('access-control-allow-origin')).toBe('*');
  });

  it("keeps a ProblemException's status, code and headers", async () => {
    const refused = await fetch(`${strict.url}/echo/refuse`, json('{}'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('7');
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED', detail: 'slow down' });
  });

  it('turns an unexpected failure into a 500 that reveals nothing', async () => {
    const failed = await fetch(`${strict.url}/echo/boom`, json('{}'));
    expect(failed.status).toBe(500);
    const body = await failed.text();
    expect(JSON.parse(body)).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(body).not.toContain('hunter2');
  });

  it('dates the request with x-credstream-occurred-at only where historical timestamps are allowed', async () => {
    const header = { 'x-credstream-occurred-at': '2026-03-01T10:00:00Z' };
    const refused = await fetch(`${strict.url}/echo/x`, json('{}', header));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'OCCURRED_AT_NOT_ALLOWED' });
    const dated = await fetch(`${historical.url}/echo/x`, json('{}', header));
    expect(await dated.json()).toMatchObject({ occurredAt: '2026-03-01T10:00:00.000Z' });
    const invalid = await fetch(`${historical.url}/echo/x`, json('{}', { 'x-credstream-occurred-at': 'yesterday' }));
    expect(await invalid.json()).toMatchObject({ code: 'OCCURRED_AT_INVALID' });
  });
});

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HttpStatus } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  runWithRequestContext,
  startServerSpan,
  withTraceContext,
  type RequestContext,
} from '@credstream/observability';
import { CORRELATION_HEADER, correlationIdFor } from '../correlation-id.middleware';
import { OCCURRED_AT_HEADER, refuseOccurredAt } from '../historical-timestamp.middleware';
import { problem } from '../problem-details.filter';
import { ProblemException } from '../problem.exception';
import type { FastReply, FastRoute } from './fast-route';

export interface FastLaneOptions {
  routes: FastRoute[];
  logger: Logger;
  allowHistoricalTimestamps: boolean;
}

/**
 * Puts the fast routes in front of the Nest application on its HTTP server: a request a fast route accepts is
 * served by it; every other request reaches Nest untouched. The lane takes fast requests at the server's `emit`,
 * before OpenTelemetry's HTTP instrumentation (which patches `Server.prototype.emit` and, even for a request it
 * ignores, binds a context to the request's and response's every listener) ever sees them; the lane starts their
 * server spans itself, continuing the caller's trace.
 */
export function installFastLane(server: Server, options: FastLaneOptions): void {
  if (options.routes.length === 0) return;
  const emit = server.emit;
  server.emit = function emitUnlessFast(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const matched = firstMatch(options.routes, request);
      if (matched) {
        serveFast(matched, request, response, options);
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<Server['emit']>);
  } as Server['emit'];
}

interface MatchedRoute {
  route: FastRoute;
  path: string;
  template: string;
}

function firstMatch(routes: FastRoute[], request: IncomingMessage): MatchedRoute | null {
  const path = pathOf(request.url);
  for (const route of routes) {
    const template = route.match(request, path);
    if (template) return { route, path, template };
  }
  return null;
}

/** What the Nest pipeline does around a handler: correlation id, dating, problem details, the access log. */
function serveFast(
  { route, path, template }: MatchedRoute,
  request: IncomingMessage,
  response: ServerResponse,
  { logger, allowHistoricalTimestamps }: FastLaneOptions,
): void {
  const started = process.hrtime.bigint();
  const span = startServerSpan(request, template);
  const context: RequestContext = { correlationId: correlationIdFor(headerValue(request, CORRELATION_HEADER)) };
  const finish = (reply: FastReply): void => {
    response.setHeader(CORRELATION_HEADER, context.correlationId);
    send(response, reply, route.replyHeaders);
    span.end(reply.status);
    logCompletion(logger, request, reply.status, started, context.correlationId);
  };
  const reply = withTraceContext(span.context, () =>
    runWithRequestContext(context, (): FastReply | Promise<FastReply> => {
      try {
        dateRequest(request, context, allowHistoricalTimestamps);
        const served = route.serve(request, path);
        return isPromise(served)
          ? served.catch((error: unknown) => problemReply(error, request.url ?? path, logger))
          : served;
      } catch (error) {
        return problemReply(error, request.url ?? path, logger);
      }
    }),
  );
  if (isPromise(reply)) void reply.then(finish);
  else finish(reply);
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}

function dateRequest(request: IncomingMessage, context: RequestContext, allowed: boolean): void {
  const offered = headerValue(request, OCCURRED_AT_HEADER);
  if (offered === undefined) return;
  const refusal = refuseOccurredAt(offered, allowed);
  if (refusal) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, refusal.code, refusal.detail, [
      { field: OCCURRED_AT_HEADER, message: refusal.detail },
    ]);
  }
  context.occurredAt = new Date(offered);
}

function problemReply(error: unknown, instance: string, logger: Logger): FastReply {
  const body =
    error instanceof ProblemException
      ? problem(error.getStatus(), error.code, error.detail, instance, error.errors)
      : problem(500, 'INTERNAL_ERROR', 'An unexpected error occurred; it has been logged.', instance);
  if (body.status >= 500) logger.error({ err: error, url: instance }, 'request failed');
  const headers = error instanceof ProblemException ? error.headers : undefined;
  return {
    status: body.status,
    contentType: 'application/problem+json; charset=utf-8',
    body: JSON.stringify(body),
    headers,
  };
}

function send(response: ServerResponse, reply: FastReply, routeHeaders?: Readonly<Record<string, string>>): void {
  if (reply.status === 304) {
    // Not modified: the headers of the page the browser already has, no body.
    response.writeHead(304, { ...routeHeaders, ...reply.headers });
    return void response.end();
  }
  const length = typeof reply.body === 'string' ? Buffer.byteLength(reply.body) : reply.body.length;
  response.writeHead(reply.status, {
    ...routeHeaders,
    ...reply.headers,
    'content-type': reply.contentType,
    'content-length': String(length),
  });
  response.end(reply.body);
}

function logCompletion(
  logger: Logger,
  request: IncomingMessage,
  status: number,
  started: bigint,
  correlationId: string,
): void {
  const level = status >= 500 ? 'error' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const responseTime = Number(process.hrtime.bigint() - started) / 1e6;
  logger[level](
    { req: { method: request.method, url: request.url }, res: { statusCode: status }, responseTime, correlationId },
    'request completed',
  );
}

function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

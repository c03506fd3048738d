import type { IncomingMessage } from 'node:http';
import type { FactoryProvider, Type } from '@nestjs/common';

/** What a fast route answers: a status, a body and its headers. */
export interface FastReply {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/**
 * A public hot-path endpoint served straight from Node's HTTP server rather than through the Nest/express pipeline
 * (ADR 0009). It does everything that pipeline would have done for it — limits, validation, rate limits — and
 * throws a `ProblemException` for bad input, which the lane answers as problem details.
 */
export interface FastRoute {
  /**
   * The route template (e.g. `/c/:id`, for traces and logs) when this route serves the request; undefined sends the
   * request on to the Nest application as usual.
   */
  match(request: IncomingMessage, path: string): string | undefined;
  /**
   * The answer; synchronously when the route has it at hand (a cached page), which spares the request every promise
   * (each one costs, with async context tracking on).
   */
  serve(request: IncomingMessage, path: string): FastReply | Promise<FastReply>;
  /** Headers on every answer of this route, problems included (e.g. CORS). */
  readonly replyHeaders?: Readonly<Record<string, string>>;
}

/** The fast routes of a service; at most one module of an application provides it. */
export const FAST_ROUTES = Symbol('FAST_ROUTES');

/** Registers a module's fast routes (themselves providers of that module) with the fast lane. */
export function fastRoutesProvider(...routes: Array<Type<FastRoute>>): FactoryProvider<FastRoute[]> {
  return { provide: FAST_ROUTES, inject: routes, useFactory: (...instances: FastRoute[]) => instances };
}

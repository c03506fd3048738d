import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { FastReply, FastRoute } from '@credstream/runtime';
import { PublicPageResponder, type PageResponse } from './public-page.responder';

const PAGE_PATH = /^\/(c|s)\/([^/]+)$/;

/**
 * `GET /c/:credentialId` and `GET /s/:shareId` — the pages every share link leads to — served in front of the Nest
 * pipeline (ADR 0009): the same page, headers and view recording as the controller, and a 304 when the browser's
 * copy is current.
 */
@Injectable()
export class PublicPageFastRoute implements FastRoute {
  constructor(private readonly responder: PublicPageResponder) {}

  match(request: IncomingMessage, path: string): string | undefined {
    if (request.method !== 'GET') return undefined;
    const kind = PAGE_PATH.exec(path)?.[1];
    return kind === 'c' ? '/c/:credentialId' : kind === 's' ? '/s/:shareId' : undefined;
  }

  serve(request: IncomingMessage, path: string): FastReply | Promise<FastReply> {
    const [, kind, id] = PAGE_PATH.exec(path) ?? [];
    const page = this.responder.respond(kind === 'c' ? 'credential' : 'share', decodeId(id), request);
    return page instanceof Promise ? page.then((ready) => replyOf(ready, request)) : replyOf(page, request);
  }
}

/** The page as the lane sends it (built once per page response): 304 when the browser's copy is current. */
function replyOf(page: PageResponse, request: IncomingMessage): FastReply {
  let reply = replies.get(page);
  if (reply === undefined) {
    const { 'content-type': contentType, ...headers } = page.headers;
    reply = { status: page.status, contentType, body: page.body, headers };
    replies.set(page, reply);
  }
  if (page.status === 200 && isFresh(request, reply.headers?.['etag'])) return { ...reply, status: 304, body: '' };
  return reply;
}

const replies = new WeakMap<PageResponse, FastReply>();

/** An id as the path gives it; one that does not decode is no id of ours (and so not found). */
function decodeId(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}

/** Whether the browser's cached copy (If-None-Match, weak comparison) is the current page, as express judges it. */
function isFresh(request: IncomingMessage, etag: string | undefined): boolean {
  const offered = request.headers['if-none-match'];
  if (!offered || !etag) return false;
  if (/(?:^|,)\s*no-cache\s*(?:,|$)/.test(request.headers['cache-control'] ?? '')) return false;
  if (offered.trim() === '*') return true;
  const current = etag.replace(/^W\//, '');
  return offered.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === current);
}

import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { isJsonRequest, parseJsonBody, readRequestBody, type FastReply, type FastRoute } from '@credstream/runtime';
import { VerifyRateLimit } from '../rate-limit/verify-rate-limit';
import { friendlyResponseJson } from './friendly-response';
import { PUBLIC_CORS_HEADERS } from './public-cors.middleware';
import { VerificationRunner } from './verification-runner';
import { VERIFY_HTTP_OPTIONS, type VerifyHttpOptions } from './verify-http.options';
import { parseFriendlyRequest, parseVcalmRequest } from './verify-request';

const ENDPOINTS: Record<string, 'friendly' | 'vcalm'> = { '/verify': 'friendly', '/credentials/verify': 'vcalm' };

/**
 * `POST /verify` and `POST /credentials/verify` with a JSON body — the public hot path — served in front of the Nest
 * pipeline (ADR 0009) with the same limits, rate limit, validation and answers as their controllers, which still
 * serve uploads (multipart) and document both endpoints.
 */
@Injectable()
export class VerifyJsonFastRoute implements FastRoute {
  readonly replyHeaders = PUBLIC_CORS_HEADERS;

  constructor(
    private readonly runner: VerificationRunner,
    private readonly rateLimit: VerifyRateLimit,
    @Inject(VERIFY_HTTP_OPTIONS) private readonly options: VerifyHttpOptions,
  ) {}

  match(request: IncomingMessage, path: string): string | undefined {
    return request.method === 'POST' && path in ENDPOINTS && isJsonRequest(request) ? path : undefined;
  }

  async serve(request: IncomingMessage, path: string): Promise<FastReply> {
    const rateLimitHeaders = await this.rateLimit.consume(request);
    const body = parseJsonBody(await readRequestBody(request, this.options.jsonBodyLimitBytes));
    const answer =
      ENDPOINTS[path] === 'friendly' ? await this.verifyFriendly(body, request) : await this.verifyVcalm(body, request);
    return { status: 200, contentType: 'application/json; charset=utf-8', body: answer, headers: rateLimitHeaders };
  }

  private async verifyFriendly(body: unknown, request: IncomingMessage): Promise<string> {
    const parsed = parseFriendlyRequest(body);
    return friendlyResponseJson(await this.runner.verifyValue(parsed.credential, parsed, request.headers));
  }

  private async verifyVcalm(body: unknown, request: IncomingMessage): Promise<string> {
    const parsed = parseVcalmRequest(body);
    return JSON.stringify((await this.runner.verifyValue(parsed.credential, parsed, request.headers)).result);
  }
}

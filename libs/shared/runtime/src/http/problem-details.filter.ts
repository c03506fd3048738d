import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { ProblemException, ProblemFieldError } from './problem.exception';

/** RFC 9457 problem details, plus the stable `code` and the `errors` at fault. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  errors?: ProblemFieldError[];
}

const PROBLEM_TYPE_BASE = 'https://credstream.dev/problems/';

/**
 * Turns every error into application/problem+json. Bad input is a 4xx with a code; only a fault of
 * ours is a 500, and its details go to the log, never to the caller.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (isHealthReport(error)) {
      response.status(error.getStatus()).json(error.getResponse());
      return;
    }
    const problem = this.toProblem(error, request.originalUrl ?? request.url);
    if (problem.status >= 500) this.logger.error({ err: error, url: problem.instance }, 'request failed');
    if (error instanceof ProblemException && error.headers) response.set(error.headers);
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(error: unknown, instance: string): ProblemDetails {
    if (error instanceof ProblemException) {
      return problem(error.getStatus(), error.code, error.detail, instance, error.errors);
    }
    if (isBodyParserError(error)) {
      const code = error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_BODY';
      return problem(error.status, code, bodyParserDetail(error), instance);
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return problem(status, codeForStatus(status), messageOf(error), instance, fieldErrorsOf(error));
    }
    return problem(500, 'INTERNAL_ERROR', 'An unexpected error occurred; it has been logged.', instance);
  }
}

export function problem(
  status: number,
  code: string,
  detail: string,
  instance: string,
  errors: ProblemFieldError[] = [],
): ProblemDetails {
  const body: ProblemDetails = {
    type: `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`,
    title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error',
    status,
    code,
    detail,
    instance,
  };
  if (errors.length > 0) body.errors = errors;
  return body;
}

function codeForStatus(status: number): string {
  return HttpStatus[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'REQUEST_FAILED');
}

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return error.message;
}

function fieldErrorsOf(error: HttpException): ProblemFieldError[] {
  const errors = (error.getResponse() as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as ProblemFieldError[]) : [];
}

/** terminus answers an unhealthy readiness check with its own report, which monitoring tools parse as is. */
function isHealthReport(error: unknown): error is HttpException {
  if (!(error instanceof HttpException) || error.getStatus() !== HttpStatus.SERVICE_UNAVAILABLE) return false;
  const body = error.getResponse() as { status?: unknown; details?: unknown };
  return body.status === 'error' && typeof body.details === 'object' && body.details !== null;
}

interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

/** Errors raised by express's body parsers before any controller runs (malformed JSON, too large...). */
function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return (
    typeof candidate?.type === 'string' &&
    candidate.type.startsWith('entity.') &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

function bodyParserDetail(error: BodyParserError): string {
  if (error.type === 'entity.parse.failed') return `The request body is not valid JSON: ${error.message}`;
  if (error.type === 'entity.too.large') return 'The request body is too large.';
  return error.message;
}

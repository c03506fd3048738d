import { ArgumentsHost, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import pino from 'pino';
import { Writable } from 'node:stream';
import { ProblemDetailsFilter } from './problem-details.filter';
import { ProblemException } from './problem.exception';

function respond(error: unknown) {
  const sent: { status?: number; type?: string; body?: unknown } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/credentials/42' }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  const logged: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logged.push(chunk.toString());
      done();
    },
  });
  new ProblemDetailsFilter(pino(destination)).catch(error, host);
  return { ...sent, logged };
}

describe('ProblemDetailsFilter', () => {
  it('renders a ProblemException with its code and the fields at fault', () => {
    const sent = respond(
      new ProblemException(422, 'RECIPIENT_INVALID', 'The recipient cannot receive credentials.', [
        { field: 'recipient.email', message: 'must be an email address' },
      ]),
    );
    expect(sent.status).toBe(422);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body).toEqual({
      type: 'https://credstream.dev/problems/recipient-invalid',
      title: 'unprocessable entity',
      status: 422,
      code: 'RECIPIENT_INVALID',
      detail: 'The recipient cannot receive credentials.',
      instance: '/credentials/42',
      errors: [{ field: 'recipient.email', message: 'must be an email address' }],
    });
  });

  it('gives Nest HTTP exceptions a code from their status', () => {
    expect(respond(new NotFoundException('No such credential')).body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      detail: 'No such credential',
    });
  });

  it('maps an oversized body to 413 PAYLOAD_TOO_LARGE', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 });
    expect(respond(tooLarge).body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('hides an unexpected error behind a generic 500 and logs it', () => {
    const sent = respond(new Error('connection string mongodb://admin:secret@db'));
    expect(sent.body).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(sent.body)).not.toContain('secret');
    expect(sent.logged.join('')).toContain('request failed');
  });

  it('passes a readiness report through unchanged', () => {
    const report = {
      status: 'error',
      info: {},
      error: { kafka: { status: 'down' } },
      details: { kafka: { status: 'down' } },
    };
    const sent = respond(new ServiceUnavailableException(report));
    expect(sent.status).toBe(503);
    expect(sent.body).toEqual(report);
  });
});

import { Writable } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { runWithRequestContext, setContextTenant } from '../context/request-context';
import { createLogger } from './create-logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: createLogger({ serviceName: 'issuance', level: 'info', destination }) };
}

describe('createLogger', () => {
  it('writes JSON with the service name, level label and ISO time', () => {
    const { lines, logger } = capture();
    logger.info('started');
    expect(lines[0]).toMatchObject({ service: 'issuance', level: 'info', msg: 'started' });
    expect(String(lines[0]['time'])).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('carries the correlation and tenant ids of the request in progress', () => {
    const { lines, logger } = capture();
    runWithRequestContext({ correlationId: 'corr-1' }, () => {
      setContextTenant('tenant-7');
      logger.info('issued');
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ correlation_id: 'corr-1', tenant_id: 'tenant-7' });
    expect(lines[1]).not.toHaveProperty('correlation_id');
  });

  it('carries the trace and span id of the active span', () => {
    const contextManager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(contextManager);
    try {
      const { lines, logger } = capture();
      const span = trace.wrapSpanContext({
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        traceFlags: 1,
      });
      context.with(trace.setSpan(context.active(), span), () => logger.info('inside a span'));
      expect(lines[0]).toMatchObject({ trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' });
    } finally {
      context.disable();
    }
  });

  it('redacts credentials in request headers', () => {
    const { lines, logger } = capture();
    logger.info({ req: { headers: { authorization: 'Bearer secret', 'x-api-key': 'k' } } }, 'request');
    expect(JSON.stringify(lines[0])).not.toContain('secret');
    expect(lines[0]).toMatchObject({ req: { headers: { authorization: '[redacted]', 'x-api-key': '[redacted]' } } });
  });
});

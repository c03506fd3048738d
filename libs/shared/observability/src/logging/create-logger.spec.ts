import { Writable } from 'node:stream';
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

  it('redacts credentials in request headers', () => {
    const { lines, logger } = capture();
    logger.info({ req: { headers: { authorization: 'Bearer secret', 'x-api-key': 'k' } } }, 'request');
    expect(JSON.stringify(lines[0])).not.toContain('secret');
    expect(lines[0]).toMatchObject({ req: { headers: { authorization: '[redacted]', 'x-api-key': '[redacted]' } } });
  });
});

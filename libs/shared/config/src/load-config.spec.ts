import { z } from 'zod';
import { ConfigError } from './config-error';
import { parseConfig } from './load-config';
import { kafkaConfigSchema, mongoConfigSchema, runtimeConfigSchema } from './schema/common-config.schema';
import { port } from './schema/env-values';

const schema = runtimeConfigSchema
  .merge(kafkaConfigSchema)
  .merge(mongoConfigSchema)
  .merge(
    z
      .object({ PORT: port(3000), API_TOKEN: z.string().min(32, 'must be at least 32 characters') })
      .partial({ API_TOKEN: true }),
  );

function errorFor(env: Record<string, string>): ConfigError {
  try {
    parseConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = parseConfig(schema, {});
    expect(config.PORT).toBe(3000);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.KAFKA_SSL).toBe(false);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('parses broker lists, ports and flags', () => {
    const config = parseConfig(schema, { KAFKA_BROKERS: 'a:9092, b:9093', PORT: '8080', KAFKA_SSL: 'yes' });
    expect(config.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
    expect(config.PORT).toBe(8080);
    expect(config.KAFKA_SSL).toBe(true);
  });

  it('treats an empty value as unset', () => {
    expect(parseConfig(schema, { PORT: '' }).PORT).toBe(3000);
  });

  it('names the variable and the value at fault', () => {
    const error = errorFor({ PORT: 'eighty' });
    expect(error.variable).toBe('PORT');
    expect(error.message).toBe('PORT: must be a TCP port number (got "eighty")');
  });

  it('rejects a malformed broker list', () => {
    expect(errorFor({ KAFKA_BROKERS: 'localhost' }).message).toMatch(
      /^KAFKA_BROKERS: must be a comma-separated list of host:port/,
    );
  });

  it('rejects a non-mongodb URI', () => {
    expect(errorFor({ MONGODB_URI: 'postgres://x/y' }).variable).toBe('MONGODB_URI');
  });

  it('never echoes a secret value', () => {
    const error = errorFor({ API_TOKEN: 'short-secret' });
    expect(error.message).toBe('API_TOKEN: must be at least 32 characters');
    expect(error.message).not.toContain('short-secret');
  });

  it('rejects an unknown log level', () => {
    expect(errorFor({ LOG_LEVEL: 'loud' }).variable).toBe('LOG_LEVEL');
  });
});

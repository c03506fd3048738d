import { z } from 'zod';
import { ConfigError } from './config-error';

export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * Parses the environment against a service's schema. Empty strings count as unset so that
 * `FOO=` in a manifest falls back to the default instead of failing on an empty value.
 * Throws a ConfigError naming the first variable at fault.
 */
export function parseConfig<S extends z.ZodTypeAny>(schema: S, env: EnvSource): z.output<S> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = issue.path.join('.') || '(environment)';
  const value = present[variable];
  const received = typeof value === 'string' && !isSecret(variable) ? ` (got "${value}")` : '';
  throw new ConfigError(variable, `${issue.message}${received}`);
}

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY/i;

/** Values of secret-looking variables are never echoed back in an error. */
function isSecret(variable: string): boolean {
  return SECRET_NAME.test(variable);
}

/**
 * The one place in credstream that reads process.env: called once at start-up.
 * On a bad or missing variable it prints one line to stderr and exits with EX_CONFIG (78).
 */
export function loadConfigOrExit<S extends z.ZodTypeAny>(serviceName: string, schema: S): z.output<S> {
  try {
    return parseConfig(schema, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${serviceName}: invalid configuration: ${error.message}\n`);
    process.exit(78);
  }
}

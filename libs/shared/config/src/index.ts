export * from './config-error';
export * from './load-config';
export * from './schema/common-config.schema';
export * from './schema/env-values';

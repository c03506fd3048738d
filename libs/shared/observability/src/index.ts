export * from './tracing/start-tracing';
export * from './context/request-context';
export * from './logging/create-logger';

export * from './tracing/start-tracing';
export * from './context/request-context';
export * from './logging/create-logger';
export * from './tracing/event-trace-context';
export * from './tracing/server-span';

export * from './boot-service';
export * from './free-port';
export * from './private-infra/private-infra';
export * from './readiness';
export * from './service-conformance';
export * from './wait-for';
export * from './chromium';

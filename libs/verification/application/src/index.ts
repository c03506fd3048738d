/**
 * Use cases of the verification service: query handlers and the ports (interfaces) they need, bound by DI tokens
 * (plain symbols: no framework here; the app binds them with factory providers).
 */
export * from './ports/key-resolver.port';
export * from './ports/signature-verifier.port';
export * from './ports/status-list-provider.port';
export * from './ports/status-list-fetcher.port';
export * from './ports/schema-validator.port';
export * from './ports/issuer-directory.port';
export * from './ports/clock.port';
export * from './ports/baked-badge-reader.port';
export * from './ports/verification-recorder.port';
export * from './ports/verification-policy.token';
export * from './proof/jwt-proof.verifier';
export * from './status/verified-status-list.provider';
export * from './verify-credential/verify-credential.query';
export * from './verify-credential/verify-credential.handler';
export * from './verify-credential/token-facts.memo';
export * from './verifier-organisations/verifier-directory.port';
export * from './verifier-organisations/verifier-organisations.handler';

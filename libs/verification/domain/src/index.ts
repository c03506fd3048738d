/**
 * Pure domain model of the verification service: a verification is an ordered list of named checks, each passed,
 * failed or skipped with a stable reason code. No framework, I/O, clock or env: time, keys and lists come in.
 */
export * from './checks/check-name';
export * from './checks/reason-code';
export * from './checks/check-result';
export * from './checks/check-list';
export * from './checks/structure.check';
export * from './checks/algorithm.check';
export * from './checks/claims.check';
export * from './checks/schema.check';
export * from './checks/validity.check';
export * from './checks/status.check';
export * from './checks/issuer-trust.check';
export * from './checks/recipient.check';
export * from './input/credential-input';
export * from './input/normalize-credential-input';
export * from './jwt/parsed-credential-jwt';
export * from './keys/public-jwk';
export * from './keys/key-reference';
export * from './keys/local-key.resolver';
export * from './keys/key-suitability';
export * from './status/status-entry';
export * from './status/status-list-snapshot';
export * from './policy/verification-policy';
export * from './result/problem-details';
export * from './result/verification-result';
export * from './result/credential-verified-event';
export * from './verifier-organisation/verifier-organisation.events';
export * from './verifier-organisation/verifier-organisation.errors';
export * from './verifier-organisation/verifier-organisation.decider';
export * from './verifier-organisation/verifier-profile';

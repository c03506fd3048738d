/** Pure domain model of the issuance service: events, state, decide/evolve. No framework, I/O, clock or env. */

export * from './recipient/recipient.errors';
export * from './recipient/recipient-email';
export * from './recipient/recipient-did';
export * from './recipient/recipient-identity';

export * from './tenant/tenant.events';
export * from './tenant/tenant.commands';
export * from './tenant/tenant.state';
export * from './tenant/tenant.errors';
export * from './tenant/tenant.decider';

export * from './issuer/issuer.events';
export * from './issuer/issuer.commands';
export * from './issuer/issuer.state';
export * from './issuer/issuer.errors';
export * from './issuer/issuer.decider';
export * from './issuer/issuer.queries';

export * from './achievement/achievement.events';
export * from './achievement/achievement.commands';
export * from './achievement/achievement.state';
export * from './achievement/achievement.errors';
export * from './achievement/achievement.decider';
export * from './achievement/achievement.queries';
export { ACHIEVEMENT_TYPES, RESULT_TYPES, isAchievementType, isResultType } from './achievement/ob3-vocabulary';

export * from './credential/credential.events';
export * from './credential/credential.commands';
export * from './credential/credential.state';
export * from './credential/credential.errors';
export * from './credential/credential.decider';

export * from './status-list/status-list.events';
export * from './status-list/status-list.commands';
export * from './status-list/status-list.state';
export * from './status-list/status-list.errors';
export * from './status-list/status-list.decider';
export * from './status-list/status-list.queries';
export { ChunkedBitset } from './status-list/chunked-bitset';

export * from './issuance-rule/issuance-rule.events';
export * from './issuance-rule/issuance-rule.commands';
export * from './issuance-rule/issuance-rule.state';
export * from './issuance-rule/issuance-rule.errors';
export * from './issuance-rule/issuance-rule.decider';
export * from './issuance-rule/completion.matcher';

export * from './decider/decider';
export * from './decider/decider-spec';
export * from './decider/domain-error';
export * from './decider/domain-event';

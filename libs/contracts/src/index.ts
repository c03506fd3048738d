export * from './envelope';
export * from './kafka-message';
export * from './topics';

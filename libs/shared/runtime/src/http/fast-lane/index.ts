export * from './fast-lane';
export * from './fast-route';
export * from './request-body';

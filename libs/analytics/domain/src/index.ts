/** Pure domain model of the analytics service: how events become rows, and what an insight may be asked. */
export * from './projection/analytics-row';
export * from './projection/to-analytics-row';
export * from './insights/insight-filters';

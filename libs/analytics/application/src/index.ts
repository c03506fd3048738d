/** Use cases of the analytics service and the ports they need. */
export * from './insights/insights-reader.port';
export * from './insights/get-insight.handler';
export * from './insights/record-programme-cost.handler';

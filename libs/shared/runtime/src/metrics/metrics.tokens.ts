/** The prom-client Registry that GET /metrics serves. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

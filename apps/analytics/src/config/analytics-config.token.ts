/** The parsed AnalyticsConfig, provided by the root module. */
export const ANALYTICS_CONFIG = Symbol.for('credstream.analytics.config');

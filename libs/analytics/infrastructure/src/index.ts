/** Adapters of the analytics service: ClickHouse schema, projection consumer, insight queries, key directory. */
export * from './access/clickhouse-api-key.directory';
export * from './clickhouse/event-row.writer';
export * from './clickhouse/migrations';
export * from './clickhouse/migrator';
export * from './clickhouse/sql-literal';
export * from './insights/cached-insights.reader';
export * from './insights/clickhouse-insights.reader';
export * from './insights/clickhouse-tenant.versions';
export * from './insights/insight-queries';
export * from './projection/analytics-projection.consumer';
export * from './projection/erasure-list';
export * from './projection/projection.metrics';
export * from './projection/projection-rebuild';

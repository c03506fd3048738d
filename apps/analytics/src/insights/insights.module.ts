import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { API_KEY_DIRECTORY, ApiKeyAuthenticator, ApiKeyGuard, type ApiKeyDirectory } from '@credstream/access';
import { GetInsightHandler, INSIGHTS_READER, RecordProgrammeCostHandler } from '@credstream/analytics/application';
import {
  CachedInsightsReader,
  ClickHouseApiKeyDirectory,
  ClickHouseInsightsReader,
  ClickHouseTenantVersions,
} from '@credstream/analytics/infrastructure';
import { ClickHouseConnection, ROOT_LOGGER } from '@credstream/runtime';
import { ANALYTICS_CONFIG } from '../config/analytics-config.token';
import type { AnalyticsConfig } from '../config/analytics.config';
import { InsightsController } from './insights.controller';

const CACHED_ANSWERS = 1_000;

/**
 * The insight endpoints. API keys are checked with @credstream/access's guard against a key directory kept in
 * ClickHouse (projected from the tenant topic like every other event), so analytics needs no MongoDB.
 */
@Module({
  controllers: [InsightsController],
  providers: [
    {
      provide: INSIGHTS_READER,
      inject: [ClickHouseConnection, ANALYTICS_CONFIG],
      useFactory: (clickhouse: ClickHouseConnection, config: AnalyticsConfig) => {
        const reader = new ClickHouseInsightsReader(clickhouse.client);
        if (!config.ANALYTICS_INSIGHT_CACHE_ENABLED) return reader;
        return new CachedInsightsReader(reader, new ClickHouseTenantVersions(clickhouse.client), {
          maxAgeMs: config.ANALYTICS_INSIGHT_CACHE_MAX_AGE_MS,
          maxEntries: CACHED_ANSWERS,
        });
      },
    },
    {
      provide: API_KEY_DIRECTORY,
      inject: [ClickHouseConnection],
      useFactory: (clickhouse: ClickHouseConnection) => new ClickHouseApiKeyDirectory(clickhouse.client),
    },
    {
      provide: ApiKeyAuthenticator,
      inject: [API_KEY_DIRECTORY, ROOT_LOGGER],
      useFactory: (directory: ApiKeyDirectory, logger: Logger) =>
        new ApiKeyAuthenticator(directory, undefined, {
          onRecordError: (error) => logger.warn({ err: error }, 'could not record API key use'),
        }),
    },
    ApiKeyGuard,
    GetInsightHandler,
    RecordProgrammeCostHandler,
  ],
})
export class InsightsModule {}

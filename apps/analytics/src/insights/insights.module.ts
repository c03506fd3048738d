import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { API_KEY_DIRECTORY, ApiKeyAuthenticator, ApiKeyGuard, type ApiKeyDirectory } from '@credstream/access';
import { GetInsightHandler, INSIGHTS_READER, RecordProgrammeCostHandler } from '@credstream/analytics/application';
import { ClickHouseApiKeyDirectory, ClickHouseInsightsReader } from '@credstream/analytics/infrastructure';
import { ClickHouseConnection, ROOT_LOGGER } from '@credstream/runtime';
import { InsightsController } from './insights.controller';

/**
 * The insight endpoints. API keys are checked with @credstream/access's guard against a key directory kept in
 * ClickHouse (projected from the tenant topic like every other event), so analytics needs no MongoDB.
 */
@Module({
  controllers: [InsightsController],
  providers: [
    {
      provide: INSIGHTS_READER,
      inject: [ClickHouseConnection],
      useFactory: (clickhouse: ClickHouseConnection) => new ClickHouseInsightsReader(clickhouse.client),
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

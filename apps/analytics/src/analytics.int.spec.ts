import { parseConfig } from '@credstream/config';
import { describeServiceConformance } from '@credstream/testing';
import { AnalyticsAppModule } from './app/analytics-app.module';
import { analyticsConfigSchema } from './config/analytics.config';
import { ANALYTICS_SERVICE } from './service-description';

describeServiceConformance({
  service: ANALYTICS_SERVICE,
  rootModule: (env, logger) => AnalyticsAppModule.register(parseConfig(analyticsConfigSchema, env), logger),
  dependencies: ['kafka', 'clickhouse'],
  stopped: { component: 'clickhouse', name: 'clickhouse' },
});

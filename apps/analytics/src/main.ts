import { launchService } from '@credstream/runtime/launch';
import { analyticsConfigSchema } from './config/analytics.config';
import { ANALYTICS_SERVICE } from './service-description';

launchService({
  service: ANALYTICS_SERVICE,
  configSchema: analyticsConfigSchema,
  rootModule: async (config, logger) => {
    const { AnalyticsAppModule } = await import('./app/analytics-app.module');
    return AnalyticsAppModule.register(config, logger);
  },
});

import { launchService } from '@credstream/runtime/launch';
import { issuanceConfigSchema } from './config/issuance.config';
import { ISSUANCE_SERVICE } from './service-description';

launchService({
  service: ISSUANCE_SERVICE,
  configSchema: issuanceConfigSchema,
  rootModule: async (config, logger) => {
    const { IssuanceAppModule } = await import('./app/issuance-app.module');
    return IssuanceAppModule.register(config, logger);
  },
  consumers: { groupId: 'issuance' },
});

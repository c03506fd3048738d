import { launchService } from '@credstream/runtime/launch';
import { sharingConfigSchema } from './config/sharing.config';
import { SHARING_SERVICE } from './service-description';

launchService({
  service: SHARING_SERVICE,
  configSchema: sharingConfigSchema,
  consumers: { groupId: 'sharing' },
  rootModule: async (config, logger) => {
    const { SharingAppModule } = await import('./app/sharing-app.module');
    return SharingAppModule.register(config, logger);
  },
});

import { launchService } from '@credstream/runtime/launch';
import { sharingConfigSchema } from './config/sharing.config';
import { SHARING_SERVICE } from './service-description';

launchService({
  service: SHARING_SERVICE,
  configSchema: sharingConfigSchema,
  // Delivering a credential waits on MongoDB and the SMTP server: partitions are handled side by side (each in order).
  consumers: { groupId: 'sharing', partitionsConsumedConcurrently: 4 },
  rootModule: async (config, logger) => {
    const { SharingAppModule } = await import('./app/sharing-app.module');
    return SharingAppModule.register(config, logger);
  },
});

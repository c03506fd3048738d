import { launchService } from '@credstream/runtime/launch';
import { verificationConfigSchema } from './config/verification.config';
import { VERIFICATION_CONSUMERS, VERIFICATION_SERVICE } from './service-description';

launchService({
  service: VERIFICATION_SERVICE,
  consumers: VERIFICATION_CONSUMERS,
  configSchema: verificationConfigSchema,
  rootModule: async (config, logger) => {
    const { VerificationAppModule } = await import('./app/verification-app.module');
    return VerificationAppModule.register(config, logger);
  },
});

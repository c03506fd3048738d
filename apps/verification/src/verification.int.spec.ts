import { parseConfig } from '@credstream/config';
import { describeServiceConformance } from '@credstream/testing';
import { VerificationAppModule } from './app/verification-app.module';
import { verificationConfigSchema } from './config/verification.config';
import { VERIFICATION_SERVICE } from './service-description';

describeServiceConformance({
  service: VERIFICATION_SERVICE,
  rootModule: (env, logger) => VerificationAppModule.register(parseConfig(verificationConfigSchema, env), logger),
  dependencies: ['mongodb', 'kafka'],
  stopped: { component: 'kafka', name: 'kafka' },
});

import { parseConfig } from '@credstream/config';
import { describeServiceConformance } from '@credstream/testing';
import { IssuanceAppModule } from './app/issuance-app.module';
import { issuanceConfigSchema } from './config/issuance.config';
import { ISSUANCE_SERVICE } from './service-description';

describeServiceConformance({
  service: ISSUANCE_SERVICE,
  rootModule: (env, logger) => IssuanceAppModule.register(parseConfig(issuanceConfigSchema, env), logger),
  dependencies: ['mongodb', 'kafka'],
  stopped: { component: 'mongo', name: 'mongodb' },
});

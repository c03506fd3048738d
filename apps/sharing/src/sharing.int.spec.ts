import { parseConfig } from '@credstream/config';
import { describeServiceConformance } from '@credstream/testing';
import { SharingAppModule } from './app/sharing-app.module';
import { sharingConfigSchema } from './config/sharing.config';
import { SHARING_SERVICE } from './service-description';

describeServiceConformance({
  service: SHARING_SERVICE,
  rootModule: (env, logger) => SharingAppModule.register(parseConfig(sharingConfigSchema, env), logger),
  dependencies: ['mongodb', 'kafka'],
  stopped: { component: 'mongo', name: 'mongodb' },
});

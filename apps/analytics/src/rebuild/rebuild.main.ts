/** npm run analytics:rebuild — re-consume every topic into fresh tables and swap them in (service may keep running). */
import pino from 'pino';
import { loadConfigOrExit } from '@credstream/config';
import { analyticsConfigSchema } from '../config/analytics.config';
import { rebuildProjection } from './rebuild-projection';

const config = loadConfigOrExit('analytics-rebuild', analyticsConfigSchema);
const logger = pino({ level: config.LOG_LEVEL });
rebuildProjection(config, logger).then(
  (events) => {
    logger.info({ events }, 'analytics tables rebuilt and swapped in');
    process.exit(0);
  },
  (error: unknown) => {
    logger.error({ err: error }, 'analytics rebuild failed; the live tables are unchanged unless the swap was logged');
    process.exit(1);
  },
);

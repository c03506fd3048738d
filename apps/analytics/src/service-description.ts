import type { ServiceDescription } from '@credstream/runtime/launch';

export const ANALYTICS_SERVICE: ServiceDescription = {
  name: 'analytics',
  version: '0.1.0',
  title: 'credstream analytics API',
  description: 'Impact, engagement, verification, employability and mobility analytics over ClickHouse.',
};

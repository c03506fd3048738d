import type { ServiceDescription } from '@credstream/runtime/launch';

export const SHARING_SERVICE: ServiceDescription = {
  name: 'sharing',
  version: '0.1.0',
  title: 'credstream sharing API',
  description: 'Recipient wallets, claims, tracked share links and public credential pages.',
};

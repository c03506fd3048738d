import type { ServiceDescription } from '@credstream/runtime/launch';

export const ISSUANCE_SERVICE: ServiceDescription = {
  name: 'issuance',
  version: '0.1.0',
  title: 'credstream issuance API',
  description: 'Institutions, issuer identities, achievements and Open Badges 3.0 credentials signed as VC-JWT.',
};

import type { ServiceDescription } from '@credstream/runtime/launch';
import type { EventConsumersOptions } from '@credstream/runtime';

export const VERIFICATION_SERVICE: ServiceDescription = {
  name: 'verification',
  version: '0.1.0',
  title: 'credstream verification API',
  description: 'Verify any Open Badges 3.0 / VC-JWT credential without asking its issuer.',
};

/** The consumer group of the issuance-events projection (issuers, keys, revocations). */
export const VERIFICATION_CONSUMERS: EventConsumersOptions = { groupId: 'verification' };

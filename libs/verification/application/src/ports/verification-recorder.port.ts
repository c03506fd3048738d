import type { CredentialVerifiedData } from '@credstream/verification/domain';

/**
 * Records that a verification happened (`credential.verified.v1`), whatever its outcome. Resolves once the event
 * is durably stored, or once storing it has been handed to retries: a verification never fails because of it.
 */
export interface VerificationRecorder {
  record(event: CredentialVerifiedData): Promise<void>;
}

export const VERIFICATION_RECORDER = Symbol('VERIFICATION_RECORDER');

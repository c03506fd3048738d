import type { VerifyCredentialResult } from '@credstream/verification/application';
import type { VerificationResult } from '@credstream/verification/domain';

export interface FriendlyVerificationResponse extends VerificationResult {
  /** The decoded credential, when it could be read (for display; trust it only when `verified`). */
  credential?: Record<string, unknown>;
  /** Set when the issuer is registered with credstream. */
  issuer?: { name?: string; tenantId?: string };
}

/** `POST /verify`'s answer: the result, and for display the decoded credential and the known issuer. */
export function friendlyResponse({ result, credential, issuer }: VerifyCredentialResult): FriendlyVerificationResponse {
  const response: FriendlyVerificationResponse = { ...result };
  if (credential) response.credential = credential;
  if (issuer) response.issuer = issuer;
  return response;
}

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

/** The text of each decoded credential, kept while the credential is (a remembered token's facts share theirs). */
const credentialTexts = new WeakMap<object, string>();

/**
 * `JSON.stringify(friendlyResponse(verification))`, byte for byte, without serialising again the credential that a
 * remembered token shares with its earlier verifications.
 */
export function friendlyResponseJson({ result, credential, issuer }: VerifyCredentialResult): string {
  const resultJson = JSON.stringify(result);
  let more = '';
  if (credential) more += `,"credential":${credentialText(credential)}`;
  if (issuer) more += `,"issuer":${JSON.stringify(issuer)}`;
  return more === '' ? resultJson : `${resultJson.slice(0, -1)}${more}}`;
}

function credentialText(credential: Record<string, unknown>): string {
  let text = credentialTexts.get(credential);
  if (text === undefined) {
    text = JSON.stringify(credential);
    credentialTexts.set(credential, text);
  }
  return text;
}

import type { CheckName } from '../checks/check-name';
import type { CheckStatus } from '../checks/check-result';
import type { ReasonCode } from '../checks/reason-code';
import type { VerificationResult } from './verification-result';

export type VerificationChannel = 'api' | 'page' | 'upload';

/** The organisation verifying, when it said who it is (a registered verifier). */
export interface VerifierIdentity {
  organization?: string;
  /** ISIC code. */
  sector?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

/** `data` of a `credential.verified.v1` event: outcome and checks, never the credential's content or recipient. */
export interface CredentialVerifiedData {
  verificationId: string;
  credentialId: string | null;
  issuerDid: string | null;
  issuerKnown: boolean;
  verified: boolean;
  checks: { name: CheckName; status: CheckStatus; code?: ReasonCode }[];
  channel: VerificationChannel;
  verifier?: VerifierIdentity;
}

export interface CredentialVerifiedInput {
  verificationId: string;
  result: VerificationResult;
  credentialId?: string;
  issuerId?: string;
  issuerKnown: boolean;
  channel: VerificationChannel;
  verifier?: VerifierIdentity;
}

export function credentialVerifiedData(input: CredentialVerifiedInput): CredentialVerifiedData {
  const data: CredentialVerifiedData = {
    verificationId: input.verificationId,
    credentialId: input.credentialId === undefined ? null : eventCredentialId(input.credentialId),
    issuerDid: input.issuerId ?? null,
    issuerKnown: input.issuerKnown,
    verified: input.result.verified,
    checks: input.result.checks.map(({ name, status, code }) =>
      code === undefined ? { name, status } : { name, status, code },
    ),
    channel: input.channel,
  };
  const verifier = definedOnly(input.verifier);
  if (verifier) data.verifier = verifier;
  return data;
}

/** Issuance events carry bare UUIDs; a `urn:uuid:` credential id is reported the same way so they join. */
function eventCredentialId(id: string): string {
  return /^urn:uuid:/i.test(id) ? id.slice('urn:uuid:'.length) : id;
}

function definedOnly(verifier: VerifierIdentity | undefined): VerifierIdentity | undefined {
  if (!verifier) return undefined;
  const entries = Object.entries(verifier).filter(([, value]) => typeof value === 'string' && value !== '');
  return entries.length > 0 ? (Object.fromEntries(entries) as VerifierIdentity) : undefined;
}

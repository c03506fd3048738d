import type { CheckName } from '../checks/check-name';
import type { CheckStatus } from '../checks/check-result';
import type { ReasonCode } from '../checks/reason-code';
import type { VerificationResult } from './verification-result';

export const VERIFICATION_CHANNELS = ['api', 'page', 'upload', 'embed', 'wallet'] as const;

export type VerificationChannel = (typeof VERIFICATION_CHANNELS)[number];

/** The organisation verifying, when it said who it is (a registered verifier). */
export interface VerifierIdentity {
  /** Set when a registered verifier organisation's API key made the request; the rest is then its registration. */
  organizationId?: string;
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
  achievementId?: string | null;
  issuerTenantId?: string;
  /** Reason codes of the failed checks, warnings included. */
  failureCodes?: ReasonCode[];
  /** ISO 3166-1 alpha-2, from a trusted proxy header; never the IP. */
  requestCountry?: string;
}

export interface CredentialVerifiedInput {
  verificationId: string;
  result: VerificationResult;
  credentialId?: string;
  issuerId?: string;
  issuerKnown: boolean;
  channel: VerificationChannel;
  verifier?: VerifierIdentity;
  credential?: Record<string, unknown>;
  issuerTenantId?: string;
  requestCountry?: string;
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
    achievementId: input.credential ? achievementIdOf(input.credential) : null,
    failureCodes: input.result.checks.flatMap((check) =>
      check.status === 'failed' && check.code !== undefined ? [check.code] : [],
    ),
  };
  const verifier = definedOnly(input.verifier);
  if (verifier) data.verifier = verifier;
  if (input.issuerTenantId) data.issuerTenantId = input.issuerTenantId;
  if (input.requestCountry && /^[A-Z]{2}$/.test(input.requestCountry)) data.requestCountry = input.requestCountry;
  return data;
}

/** `credentialSubject.achievement.id` (of the first subject that has one): what analytics groups demand by. */
function achievementIdOf(credential: Record<string, unknown>): string | null {
  const subject = credential['credentialSubject'];
  const subjects: unknown[] = Array.isArray(subject) ? subject : [subject];
  for (const candidate of subjects) {
    const achievement = (candidate as { achievement?: unknown } | null | undefined)?.achievement;
    const id = (achievement as { id?: unknown } | null | undefined)?.id;
    if (typeof id === 'string' && id.length > 0) return id;
  }
  return null;
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

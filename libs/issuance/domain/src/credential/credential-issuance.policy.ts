import { epochMs, isBlank, isHttpUrl, isTimestamp, isUuid } from '../common/domain-guards';
import { omitUndefined } from '../common/omit-undefined';
import { resolveRecipient } from '../recipient/recipient-identity';
import type { IssueCredentialData, StatusEntry } from './credential.commands';
import { CREDENTIAL_ERROR_CODES as CODES, CredentialError } from './credential.errors';
import { TRIGGER_KINDS, type CredentialIssuedData } from './credential.events';
import { assertJwtMatches } from './vc-jwt.policy';

/** Checks an issue command and builds the credential.issued.v1 data. */
export function credentialIssued(data: IssueCredentialData): CredentialIssuedData {
  if (!isUuid(data.credentialId)) throw invalid(CODES.idInvalid, 'credentialId must be a UUID', 'credentialId');
  assertSigningKey(data.issuer);
  if (data.achievement.archived) {
    throw new CredentialError(CODES.achievementArchived, `achievement ${data.achievement.achievementId} is archived`, {
      field: 'achievementId',
    });
  }
  assertValidity(data);
  const revocation = statusEntry(data.status.revocation, 'status.revocation');
  const suspension = data.status.suspension && statusEntry(data.status.suspension, 'status.suspension');
  if (!TRIGGER_KINDS.includes(data.trigger.kind))
    throw invalid(CODES.triggerInvalid, 'unknown trigger kind', 'trigger');
  const { identity, email } = resolveRecipient(data.recipient);
  assertJwtMatches(data.jwt, { kid: data.issuer.kid, credentialId: data.credentialId });
  return omitUndefined({
    credentialId: data.credentialId,
    tenantId: data.tenantId,
    issuerId: data.issuer.issuerId,
    issuerDid: data.issuer.did,
    kid: data.issuer.kid,
    achievementId: data.achievement.achievementId,
    achievementRevision: data.achievement.revision,
    recipient: identity,
    recipientEmail: email,
    recipientName: isBlank(data.recipientName) ? undefined : data.recipientName?.trim(),
    cohort: isBlank(data.cohort) ? undefined : data.cohort?.trim(),
    validFrom: data.validFrom,
    validUntil: data.validUntil ?? null,
    issuedAt: data.issuedAt,
    jwt: data.jwt,
    trigger: omitUndefined({
      kind: data.trigger.kind,
      reference: isBlank(data.trigger.reference) ? undefined : data.trigger.reference,
    }),
    statusListId: revocation.statusListId,
    statusListIndex: revocation.index,
    suspensionStatusListId: suspension?.statusListId,
    suspensionStatusListIndex: suspension?.index,
  });
}

function assertSigningKey(issuer: IssueCredentialData['issuer']): void {
  if (issuer.keyStatus === 'unknown' || !issuer.kid.startsWith(`${issuer.did}#`)) {
    throw new CredentialError(CODES.signingKeyUnknown, `${issuer.kid} is not a key of issuer ${issuer.did}`, {
      field: 'kid',
    });
  }
  if (issuer.keyStatus === 'revoked') {
    throw new CredentialError(CODES.signingKeyRevoked, `signing key ${issuer.kid} is revoked`, { field: 'kid' });
  }
  if (issuer.keyStatus === 'retired') {
    throw new CredentialError(CODES.signingKeyNotActive, `signing key ${issuer.kid} was rotated out`, { field: 'kid' });
  }
}

function assertValidity(data: IssueCredentialData): void {
  for (const field of ['validFrom', 'validUntil', 'issuedAt'] as const) {
    const value = data[field];
    if (value !== undefined && !isTimestamp(value)) {
      throw invalid(CODES.timestampInvalid, `${field} must be an ISO-8601 timestamp`, field);
    }
  }
  if (data.validUntil !== undefined && epochMs(data.validUntil) <= epochMs(data.validFrom)) {
    throw invalid(CODES.validUntilNotAfterValidFrom, 'validUntil must be after validFrom', 'validUntil');
  }
}

function statusEntry(entry: StatusEntry, field: string): StatusEntry {
  if (!isHttpUrl(entry.statusListId) || !Number.isSafeInteger(entry.index) || entry.index < 0) {
    throw invalid(CODES.statusEntryInvalid, `${field} needs a status list URL and an index ≥ 0`, field);
  }
  return { statusListId: entry.statusListId, index: entry.index };
}

const invalid = (code: (typeof CODES)[keyof typeof CODES], message: string, field: string): CredentialError =>
  new CredentialError(code, message, { field });

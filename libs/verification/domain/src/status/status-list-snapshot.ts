import { BitstringStatusList, issuerIdOf } from '@credstream/open-badges';
import type { Failure } from '../checks/check-result';

/** A status list whose credential's proof has been verified, decoded. */
export interface StatusListSnapshot {
  url: string;
  issuerId: string;
  purposes: readonly string[];
  list: BitstringStatusList;
  /** Milliseconds the list may be cached for, when it says (`ttl`, Bitstring Status List v1.0). */
  ttlMs?: number;
  validFrom?: string;
  validUntil?: string;
}

const LIST_CREDENTIAL_TYPES = ['BitstringStatusListCredential', 'StatusList2021Credential'];
const LIST_TYPES = ['BitstringStatusList', 'StatusList2021'];

/**
 * Reads an (already signature-verified) BitstringStatusListCredential or StatusList2021Credential. Anything
 * that does not fit is STATUS_LIST_INVALID, never a throw.
 */
export function readStatusListCredential(
  url: string,
  credential: Record<string, unknown>,
): { ok: true; snapshot: StatusListSnapshot } | { ok: false; failure: Failure } {
  const types: unknown[] = Array.isArray(credential['type']) ? credential['type'] : [credential['type']];
  if (!types.some((type) => LIST_CREDENTIAL_TYPES.includes(type as string))) {
    return invalid('the status list credential is of neither status list credential type');
  }
  const issuerId = issuerIdOf(credential);
  if (issuerId === undefined) return invalid('the status list credential names no issuer');
  const subject = credential['credentialSubject'] as Record<string, unknown> | undefined;
  if (!subject || typeof subject !== 'object' || !LIST_TYPES.includes(subject['type'] as string)) {
    return invalid('the status list credential has no BitstringStatusList or StatusList2021 subject');
  }
  const purpose = subject['statusPurpose'];
  const purposes = (Array.isArray(purpose) ? purpose : [purpose]).filter((p): p is string => typeof p === 'string');
  if (purposes.length === 0) return invalid('the status list has no statusPurpose');
  let list: BitstringStatusList;
  try {
    list = BitstringStatusList.decode(subject['encodedList'] as string);
  } catch (error) {
    return invalid(`the encodedList does not decode: ${(error as Error).message}`);
  }
  const ttl = subject['ttl'];
  const snapshot: StatusListSnapshot = { url, issuerId, purposes, list };
  if (typeof ttl === 'number' && Number.isFinite(ttl) && ttl >= 0) snapshot.ttlMs = ttl;
  const validFrom = credential['validFrom'] ?? credential['issuanceDate'];
  const validUntil = credential['validUntil'] ?? credential['expirationDate'];
  if (typeof validFrom === 'string') snapshot.validFrom = validFrom;
  if (typeof validUntil === 'string') snapshot.validUntil = validUntil;
  return { ok: true, snapshot };
}

const invalid = (message: string) => ({
  ok: false as const,
  failure: { code: 'STATUS_LIST_INVALID' as const, message },
});

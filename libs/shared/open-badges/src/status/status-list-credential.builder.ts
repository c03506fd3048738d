import type { BitstringStatusListEntry, StatusPurpose } from '../credential/open-badges.types';
import { toCredentialDate } from '../credential/credential-dates';
import { VC_V2_CONTEXT } from '../credential/ob3.constants';

export interface BitstringStatusListCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string | { id: string; [property: string]: unknown };
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: StatusPurpose;
    encodedList: string;
    /** Milliseconds a verifier may cache the list. */
    ttl?: number;
  };
}

export interface BuildStatusListCredentialInput {
  /** The public URL the credential is served at (what entries put in `statusListCredential`). */
  id: string;
  issuer: string | { id: string; [property: string]: unknown };
  statusPurpose: StatusPurpose;
  encodedList: string;
  validFrom: Date | string;
  validUntil?: Date | string;
  ttl?: number;
}

/** A BitstringStatusListCredential (unsigned) per Bitstring Status List v1.0 §2.2. */
export function buildStatusListCredential(input: BuildStatusListCredentialInput): BitstringStatusListCredential {
  const credential: BitstringStatusListCredential = {
    '@context': [VC_V2_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: toCredentialDate(input.validFrom),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.statusPurpose,
      encodedList: input.encodedList,
    },
  };
  if (input.validUntil !== undefined) credential.validUntil = toCredentialDate(input.validUntil);
  if (input.ttl !== undefined) credential.credentialSubject.ttl = input.ttl;
  return credential;
}

/** The `credentialStatus` entry of a credential holding `index` in the list served at `statusListCredential`. */
export function buildStatusListEntry(input: {
  statusListCredential: string;
  statusListIndex: number;
  statusPurpose: StatusPurpose;
}): BitstringStatusListEntry {
  if (!Number.isInteger(input.statusListIndex) || input.statusListIndex < 0) {
    throw new RangeError(`invalid status list index: ${input.statusListIndex}`);
  }
  return {
    id: `${input.statusListCredential}#${input.statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: input.statusPurpose,
    statusListIndex: String(input.statusListIndex),
    statusListCredential: input.statusListCredential,
  };
}

import { identityHash, recipientKey } from '@credstream/open-badges';
import { normalizeRecipientDid } from './recipient-did';
import { normalizeRecipientEmail } from './recipient-email';
import { RecipientSaltRequiredError } from './recipient.errors';

/** Who a credential is for, as the issue command receives it. The salt is random per credential (passed in). */
export type RecipientInput = { kind: 'email'; email: string; salt: string } | { kind: 'did'; did: string };

/** The `recipient` of credential.issued.v1: never the plain email (that travels apart, for delivery only). */
export interface RecipientIdentity {
  identityType: 'emailAddress' | 'did';
  identityHash: string;
  salt?: string;
  /** Unsalted sha256 hex of the normalised email or DID: joins partner outcomes in analytics. */
  recipientKey: string;
  did?: string;
}

export interface ResolvedRecipient {
  identity: RecipientIdentity;
  /** The normalised address, for email recipients only. */
  email?: string;
}

/**
 * Validates the recipient and derives its identity. The email identityHash is the one the OB 3.0 credential
 * carries (`emailIdentityObject`), so the event and the signed JWT name the subject identically. A DID is
 * public already, so its identityHash is the DID itself (an unhashed identifier).
 */
export function resolveRecipient(input: RecipientInput): ResolvedRecipient {
  if (input.kind === 'did') {
    const did = normalizeRecipientDid(input.did);
    return { identity: { identityType: 'did', identityHash: did, recipientKey: recipientKey(did), did } };
  }
  const email = normalizeRecipientEmail(input.email);
  if (input.salt.length === 0) throw new RecipientSaltRequiredError();
  return {
    identity: {
      identityType: 'emailAddress',
      identityHash: identityHash(email, input.salt),
      salt: input.salt,
      recipientKey: recipientKey(email),
    },
    email,
  };
}

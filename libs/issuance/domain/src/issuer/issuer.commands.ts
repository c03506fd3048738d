import type { DomainCommand } from '@credstream/event-sourcing';
import type { IssuerProfile } from './issuer.events';

/** A key the vault created; `fragment` names it within the DID document (`key-2` → `<did>#key-2`). */
export interface NewSigningKey {
  fragment: string;
  alg: string;
  publicJwk: Record<string, unknown>;
  keyRef: string;
}

export type CreateIssuer = DomainCommand<
  'create-issuer',
  { issuerId: string; tenantId: string; did: string; profile: IssuerProfile }
>;

/** Replaces the whole profile (absent optional fields are cleared). */
export type UpdateIssuerProfile = DomainCommand<'update-issuer-profile', { profile: IssuerProfile }>;

/** The first key, or a new one after the active key was revoked; with an active key, rotate instead. */
export type AddSigningKey = DomainCommand<'add-signing-key', NewSigningKey>;

/** The new key signs from now on; the previous one stays a verification key so old credentials verify. */
export type RotateSigningKey = DomainCommand<'rotate-signing-key', NewSigningKey>;

/** A compromised key: it leaves the DID document and can no longer sign. `kid` is the full id or its fragment. */
export type RevokeSigningKey = DomainCommand<'revoke-signing-key', { kid: string; reason: string; revokedAt: string }>;

export type IssuerCommand = CreateIssuer | UpdateIssuerProfile | AddSigningKey | RotateSigningKey | RevokeSigningKey;

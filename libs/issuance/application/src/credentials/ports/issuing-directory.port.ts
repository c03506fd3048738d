import type { Achievement, Profile, WithOptionalType } from '@credstream/open-badges';
import type { SigningKeyStatus } from '@credstream/issuance/domain';
import type { SigningKeyAlgorithm } from '../../ports/signing-key-vault.port';

/** The key an issuer signs with now (its active key), as the vault knows it. */
export interface ActiveSigningKey {
  kid: string;
  alg: SigningKeyAlgorithm;
  /** Opaque vault reference (never the private key). */
  keyRef: string;
  status: SigningKeyStatus;
}

/** What issuing needs to know of an issuer: its DID, the OB 3.0 Profile embedded in credentials, its active key. */
export interface IssuerSigningProfile {
  issuerId: string;
  tenantId: string;
  did: string;
  /** The OB 3.0 Profile (`id` = the DID). */
  profile: Profile;
  /** Undefined when the issuer has no usable key. */
  activeKey?: ActiveSigningKey;
}

/** An achievement's current revision, as embedded in credentials. */
export interface IssuableAchievement {
  achievementId: string;
  tenantId: string;
  issuerId: string;
  revision: number;
  archived: boolean;
  /** The OB 3.0 Achievement object (`id` = its public URL or URN). */
  achievement: WithOptionalType<Achievement>;
}

/** Reads issuers and achievements of a tenant (implemented over the access/catalogue read side). */
export interface IssuingDirectory {
  issuer(tenantId: string, issuerId: string): Promise<IssuerSigningProfile | undefined>;
  /** The tenant's default issuer (its first), for requests that name none. */
  defaultIssuer(tenantId: string): Promise<IssuerSigningProfile | undefined>;
  achievement(tenantId: string, achievementId: string): Promise<IssuableAchievement | undefined>;
}

export const ISSUING_DIRECTORY = Symbol('ISSUING_DIRECTORY');

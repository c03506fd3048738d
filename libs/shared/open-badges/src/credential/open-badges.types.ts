/** Open Badges 3.0 data model (the subset credstream issues and reads), on VC Data Model 2.0. */

/** A JSON-LD context entry: a URL or an inline context object. */
export type JsonLdContext = string | Record<string, unknown>;

export interface Image {
  id: string;
  type: 'Image';
  caption?: string;
}

export interface Profile {
  id: string;
  type: string[];
  name?: string;
  url?: string;
  email?: string;
  phone?: string;
  description?: string;
  image?: Image;
  [property: string]: unknown;
}

export interface Criteria {
  id?: string;
  narrative?: string;
}

export interface Alignment {
  type: string[];
  targetName: string;
  targetUrl: string;
  targetCode?: string;
  targetDescription?: string;
  targetFramework?: string;
  targetType?: string;
}

export interface Achievement {
  id: string;
  type: string[];
  name: string;
  description: string;
  criteria: Criteria;
  achievementType?: string;
  image?: Image;
  alignment?: Alignment[];
  tag?: string[];
  creator?: Profile;
  resultDescription?: Record<string, unknown>[];
  version?: string;
  [property: string]: unknown;
}

/** How a recipient is identified without a DID; `identityHash` is `sha256$<hex>` when `hashed`. */
export interface IdentityObject {
  type: 'IdentityObject';
  identityType: string;
  hashed: boolean;
  identityHash: string;
  salt?: string;
}

export interface AchievementSubject {
  id?: string;
  type: string[];
  achievement: Achievement;
  identifier?: IdentityObject[];
  [property: string]: unknown;
}

export interface Evidence {
  id?: string;
  type: string[];
  name?: string;
  description?: string;
  narrative?: string;
  genre?: string;
  audience?: string;
}

export interface CredentialSchema {
  id: string;
  type: string;
}

export type StatusPurpose = 'revocation' | 'suspension';

/** Bitstring Status List v1.0 entry. `statusListIndex` is a string of digits per the spec. */
export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  statusListIndex: string;
  statusListCredential: string;
}

export type CredentialStatus = BitstringStatusListEntry | { id: string; type: string; [property: string]: unknown };

export interface OpenBadgeCredential {
  '@context': JsonLdContext[];
  id: string;
  type: string[];
  issuer: Profile | string;
  validFrom: string;
  validUntil?: string;
  awardedDate?: string;
  name: string;
  description?: string;
  image?: Image;
  credentialSubject: AchievementSubject;
  credentialSchema?: CredentialSchema[];
  evidence?: Evidence[];
  credentialStatus?: CredentialStatus;
  [property: string]: unknown;
}

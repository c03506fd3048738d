import { emailIdentityObject } from '../recipient/identity-hash';
import { toCredentialDate } from './credential-dates';
import { shareJsonValue, sharedJsonOf } from './shared-json';
import {
  ACHIEVEMENT_CREDENTIAL_SCHEMA_URL,
  ONE_EDTECH_SCHEMA_VALIDATOR_TYPE,
  OPEN_BADGE_CREDENTIAL_CONTEXTS,
} from './ob3.constants';
import type {
  Achievement,
  AchievementSubject,
  BitstringStatusListEntry,
  Evidence,
  Image,
  OpenBadgeCredential,
  Profile,
} from './open-badges.types';

/** T with an optional `type` (the builder fills in the spec's default). */
export type WithOptionalType<T> = { [K in keyof T as K extends 'type' ? never : K]: T[K] } & { type?: string[] };

export type CredentialRecipient = { email: string; salt: string } | { did: string };

export interface BuildOpenBadgeCredentialInput {
  /** A UUID (or an already-formed `urn:uuid:` URN). */
  id: string;
  /**
   * The issuer Profile; `id` is the issuer's did:web DID. `type` defaults to ['Profile']. A {@link shareProfile}
   * result is used as is (shared, not copied), so bulk jobs serialise it once.
   */
  issuer: WithOptionalType<Profile>;
  /** The achievement embedded in the subject; `type` defaults to ['Achievement']. A {@link shareAchievement} result is used as is. */
  achievement: WithOptionalType<Achievement>;
  recipient: CredentialRecipient;
  validFrom: Date | string;
  validUntil?: Date | string;
  awardedDate?: Date | string;
  /** Defaults to the achievement's name. */
  name?: string;
  description?: string;
  image?: Image;
  evidence?: WithOptionalType<Evidence>[];
  credentialStatus?: BitstringStatusListEntry;
}

/** Builds an unsigned OpenBadgeCredential (OB 3.0 on VC Data Model 2.0). Pure: dates, ids and salts come in. */
export function buildOpenBadgeCredential(input: BuildOpenBadgeCredentialInput): OpenBadgeCredential {
  const achievement: Achievement = isShared(input.achievement)
    ? input.achievement
    : { ...input.achievement, type: input.achievement.type ?? ['Achievement'] };
  const subject: AchievementSubject =
    'did' in input.recipient
      ? { id: input.recipient.did, type: ['AchievementSubject'], achievement }
      : {
          type: ['AchievementSubject'],
          identifier: [emailIdentityObject(input.recipient.email, input.recipient.salt)],
          achievement,
        };
  const credential: OpenBadgeCredential = {
    '@context': [...OPEN_BADGE_CREDENTIAL_CONTEXTS],
    id: input.id.startsWith('urn:uuid:') ? input.id : `urn:uuid:${input.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: isShared(input.issuer) ? input.issuer : { ...input.issuer, type: input.issuer.type ?? ['Profile'] },
    validFrom: toCredentialDate(input.validFrom),
    name: input.name ?? achievement.name,
    credentialSubject: subject,
    credentialSchema: [{ id: ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, type: ONE_EDTECH_SCHEMA_VALIDATOR_TYPE }],
  };
  if (input.validUntil !== undefined) credential.validUntil = toCredentialDate(input.validUntil);
  if (input.awardedDate !== undefined) credential.awardedDate = toCredentialDate(input.awardedDate);
  if (input.description !== undefined) credential.description = input.description;
  if (input.image !== undefined) credential.image = input.image;
  if (input.evidence?.length) credential.evidence = input.evidence.map((e) => ({ ...e, type: e.type ?? ['Evidence'] }));
  if (input.credentialStatus !== undefined) credential.credentialStatus = input.credentialStatus;
  return credential;
}

/**
 * The issuer Profile (type defaulted) as a deep-frozen copy whose JSON text is computed once: build every
 * credential of a bulk job from the same result and the signer splices that text instead of re-serialising it.
 * Plain JSON data only (a TypeError otherwise).
 */
export function shareProfile(issuer: WithOptionalType<Profile>): Profile {
  return shareJsonValue<Profile>({ ...issuer, type: issuer.type ?? ['Profile'] });
}

/** Same as {@link shareProfile} for the Achievement (type defaulted to ['Achievement']). */
export function shareAchievement(achievement: WithOptionalType<Achievement>): Achievement {
  return shareJsonValue<Achievement>({ ...achievement, type: achievement.type ?? ['Achievement'] });
}

function isShared<T extends object>(value: T): value is T & { type: string[] } {
  return sharedJsonOf(value) !== undefined;
}

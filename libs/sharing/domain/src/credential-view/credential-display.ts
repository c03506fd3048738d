import { DomainError } from '@credstream/event-sourcing';

export interface DisplayAlignment {
  targetName: string;
  targetUrl: string;
  targetFramework: string | null;
  targetCode: string | null;
}

export interface DisplayEvidence {
  name: string | null;
  description: string | null;
  narrative: string | null;
  url: string | null;
}

/** What a credential page shows, read from an OB 3.0 credential. Nothing here identifies the recipient. */
export interface CredentialDisplay {
  credentialId: string;
  name: string;
  description: string | null;
  imageUrl: string | null;
  achievement: {
    name: string;
    description: string | null;
    achievementType: string | null;
    criteria: string | null;
    imageUrl: string | null;
    tags: string[];
    alignments: DisplayAlignment[];
  };
  issuer: { id: string; name: string; url: string | null; imageUrl: string | null };
  evidence: DisplayEvidence[];
  validFrom: string;
  validUntil: string | null;
  awardedDate: string | null;
}

export const notACredential = (reason: string) =>
  new DomainError('NOT_A_CREDENTIAL', `not an Open Badges 3.0 credential: ${reason}`, { field: 'credential' });

const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const imageOf = (value: unknown): string | null => (isObject(value) ? text(value['id']) : text(value));

/** The credential id (a UUID) of an OB 3.0 credential whose `id` is `urn:uuid:<uuid>`. */
export function credentialUuidOf(credential: Json): string | null {
  const match = UUID_URN.exec(typeof credential['id'] === 'string' ? credential['id'] : '');
  return match ? match[1].toLowerCase() : null;
}

/** Reads what a page shows from an OB 3.0 credential; throws NOT_A_CREDENTIAL when it is not one. */
export function credentialDisplayOf(credential: unknown): CredentialDisplay {
  if (!isObject(credential)) throw notACredential('not a JSON object');
  const types = list(credential['type']);
  if (
    !types.includes('VerifiableCredential') ||
    !(types.includes('OpenBadgeCredential') || types.includes('AchievementCredential'))
  ) {
    throw notACredential('type must include VerifiableCredential and OpenBadgeCredential');
  }
  const credentialId = credentialUuidOf(credential);
  if (!credentialId) throw notACredential('id must be urn:uuid:<uuid>');
  const subject = list(credential['credentialSubject'])[0];
  const achievement = isObject(subject) ? subject['achievement'] : undefined;
  if (!isObject(achievement) || !text(achievement['name']))
    throw notACredential('credentialSubject.achievement.name missing');
  const issuer = credential['issuer'];
  const issuerId = isObject(issuer) ? text(issuer['id']) : text(issuer);
  if (!issuerId) throw notACredential('issuer missing');
  const validFrom = text(credential['validFrom']) ?? text(credential['issuanceDate']);
  if (!validFrom) throw notACredential('validFrom missing');
  const criteria = achievement['criteria'];
  return {
    credentialId,
    name: text(credential['name']) ?? (achievement['name'] as string),
    description: text(credential['description']),
    imageUrl: imageOf(credential['image']),
    achievement: {
      name: achievement['name'] as string,
      description: text(achievement['description']),
      achievementType: text(achievement['achievementType']),
      criteria: isObject(criteria) ? (text(criteria['narrative']) ?? text(criteria['id'])) : null,
      imageUrl: imageOf(achievement['image']),
      tags: list(achievement['tag']).filter((tag): tag is string => typeof tag === 'string'),
      alignments: list(achievement['alignment'])
        .filter(isObject)
        .flatMap((alignment) => {
          const targetName = text(alignment['targetName']);
          const targetUrl = text(alignment['targetUrl']);
          if (!targetName || !targetUrl) return [];
          return [
            {
              targetName,
              targetUrl,
              targetFramework: text(alignment['targetFramework']),
              targetCode: text(alignment['targetCode']),
            },
          ];
        }),
    },
    issuer: {
      id: issuerId,
      name: (isObject(issuer) ? text(issuer['name']) : null) ?? issuerId,
      url: isObject(issuer) ? text(issuer['url']) : null,
      imageUrl: isObject(issuer) ? imageOf(issuer['image']) : null,
    },
    evidence: list(credential['evidence'])
      .filter(isObject)
      .map((evidence) => ({
        name: text(evidence['name']),
        description: text(evidence['description']),
        narrative: text(evidence['narrative']),
        url: text(evidence['id']),
      })),
    validFrom,
    validUntil: text(credential['validUntil']) ?? text(credential['expirationDate']),
    awardedDate: text(credential['awardedDate']),
  };
}

/** The badge image of a credential: its own image, else its achievement's. */
export const badgeImageUrlOf = (display: CredentialDisplay): string | null =>
  display.imageUrl ?? display.achievement.imageUrl;

export const isExpired = (display: Pick<CredentialDisplay, 'validUntil'>, now: string): boolean =>
  display.validUntil !== null && Date.parse(display.validUntil) <= Date.parse(now);

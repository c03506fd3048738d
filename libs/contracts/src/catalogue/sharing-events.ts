import { TOPICS } from '../topics';
import type { EventContract } from './event-contract';
import { countryCode, list, nullable, object, oneOf, sha256Hex, text, timestamp, uuid } from './schema-builders';

export const SHARE_CHANNELS = ['linkedin', 'x', 'facebook', 'email', 'embed', 'direct'] as const;
export const CREDENTIAL_VISIBILITIES = ['public', 'private'] as const;
export const DOWNLOAD_FORMATS = ['jwt', 'json', 'png', 'svg'] as const;
export const REFERRER_CLASSES = ['none', 'social', 'search', 'email', 'other'] as const;

const walletEntry = { credentialId: uuid('credential id'), recipientId: uuid('recipient account id') };

export const SHARING_EVENTS: EventContract[] = [
  {
    type: 'credential.claimed.v1',
    topic: TOPICS.sharingRecipient,
    source: 'sharing',
    aggregateType: 'recipient',
    summary: 'A recipient claimed a credential into their wallet through the emailed link.',
    dataSchema: object('claim', { ...walletEntry, claimedAt: timestamp('when') }),
    example: {
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      recipientId: '01932c8e-0000-7000-8000-000000000020',
      claimedAt: '2026-07-02T09:15:00.000Z',
    },
  },
  {
    type: 'credential.accepted.v1',
    topic: TOPICS.sharingRecipient,
    source: 'sharing',
    aggregateType: 'recipient',
    summary: 'A recipient accepted a credential in their wallet.',
    dataSchema: object('acceptance', walletEntry),
    example: {
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      recipientId: '01932c8e-0000-7000-8000-000000000020',
    },
  },
  {
    type: 'credential.declined.v1',
    topic: TOPICS.sharingRecipient,
    source: 'sharing',
    aggregateType: 'recipient',
    summary: 'A recipient declined a credential.',
    dataSchema: object('decline', walletEntry),
    example: {
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      recipientId: '01932c8e-0000-7000-8000-000000000020',
    },
  },
  {
    type: 'credential.visibility-changed.v1',
    topic: TOPICS.sharingRecipient,
    source: 'sharing',
    aggregateType: 'recipient',
    summary: 'A recipient made a credential in their wallet public (its page resolves) or private (its page is a 404).',
    dataSchema: object('visibility', {
      ...walletEntry,
      visibility: oneOf('who may see the credential page', CREDENTIAL_VISIBILITIES),
    }),
    example: {
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      recipientId: '01932c8e-0000-7000-8000-000000000020',
      visibility: 'private',
    },
  },
  {
    type: 'credential.downloaded.v1',
    topic: TOPICS.sharingRecipient,
    source: 'sharing',
    aggregateType: 'recipient',
    summary: 'A recipient downloaded a credential from their wallet (VC-JWT, JSON, baked PNG or baked SVG).',
    dataSchema: object('download', { ...walletEntry, format: oneOf('what was downloaded', DOWNLOAD_FORMATS) }),
    example: {
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      recipientId: '01932c8e-0000-7000-8000-000000000020',
      format: 'png',
    },
  },
  {
    type: 'recipient.erased.v1',
    topic: TOPICS.sharingRecipient,
    source: 'sharing',
    aggregateType: 'recipient',
    summary: 'A recipient erased their account: every service drops what it holds about them.',
    dataSchema: object('erasure', {
      recipientId: uuid('recipient account id'),
      recipientKeys: list(sha256Hex('recipientKey'), 'every recipientKey the person was known by'),
    }),
    example: {
      recipientId: '01932c8e-0000-7000-8000-000000000020',
      recipientKeys: ['5b2d8f0e7c1a4b3d6e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d'],
    },
  },
  {
    type: 'share.created.v1',
    topic: TOPICS.sharingShare,
    source: 'sharing',
    aggregateType: 'share',
    summary: 'A tracked share link was created for a credential on a channel.',
    dataSchema: object('share link', {
      shareId: uuid('share id'),
      credentialId: uuid('credential id'),
      recipientId: uuid('recipient account id'),
      channel: oneOf('where it is shared', SHARE_CHANNELS),
      expiresAt: nullable(timestamp('link expiry, distinct from the credential validUntil')),
    }),
    example: {
      shareId: '01932c8e-0000-7000-8000-000000000030',
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      recipientId: '01932c8e-0000-7000-8000-000000000020',
      channel: 'linkedin',
      expiresAt: null,
    },
  },
  {
    type: 'share.revoked.v1',
    topic: TOPICS.sharingShare,
    source: 'sharing',
    aggregateType: 'share',
    summary: 'A share link was revoked and stops resolving.',
    dataSchema: object('revoked link', { shareId: uuid('share id') }),
    example: { shareId: '01932c8e-0000-7000-8000-000000000030' },
  },
  {
    type: 'share.viewed.v1',
    topic: TOPICS.sharingShare,
    source: 'sharing',
    aggregateType: 'share',
    summary: 'A public credential page was viewed, through a share link or directly (aggregate = credential id then).',
    dataSchema: object(
      'page view',
      {
        shareId: nullable(uuid('share link used, if any')),
        credentialId: uuid('credential id'),
        channel: oneOf('channel of the link, direct without one', SHARE_CHANNELS),
        viewerHash: sha256Hex('daily-salted hash of the viewer, for unique counts without tracking people'),
      },
      {
        country: nullable(countryCode('viewer country')),
        referrerHost: nullable(text('referring host')),
        referrerClass: oneOf('kind of referrer (added in place: optional)', REFERRER_CLASSES),
      },
    ),
    example: {
      shareId: '01932c8e-0000-7000-8000-000000000030',
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      channel: 'linkedin',
      viewerHash: '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d',
      country: 'GB',
      referrerHost: 'www.linkedin.com',
      referrerClass: 'social',
    },
  },
];

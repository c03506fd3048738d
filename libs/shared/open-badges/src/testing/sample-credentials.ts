import {
  buildOpenBadgeCredential,
  type BuildOpenBadgeCredentialInput,
} from '../credential/open-badge-credential.builder';
import type { OpenBadgeCredential } from '../credential/open-badges.types';
import { buildStatusListEntry } from '../status/status-list-credential.builder';

export const SAMPLE_ISSUER_DID = 'did:web:credstream.example:issuers:5d1c1f0e-6a43-4a55-9d1b-2f5b8f8c1a01';

/** A full-featured input (email recipient, evidence, status, alignments) used by tests and the benchmark. */
export function sampleCredentialInput(
  overrides: Partial<BuildOpenBadgeCredentialInput> = {},
): BuildOpenBadgeCredentialInput {
  return {
    id: '9b3a4c2e-1f0d-4e8b-a7c6-5d4e3f2a1b0c',
    issuer: {
      id: SAMPLE_ISSUER_DID,
      name: 'Universidade Exemplo',
      url: 'https://uni.example.org',
      email: 'badges@uni.example.org',
      description: 'Faculty of Engineering',
    },
    achievement: {
      id: 'https://credstream.example/achievements/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      name: 'Data Engineering Fundamentals',
      description: 'Designs and operates batch and streaming data pipelines.',
      criteria: { narrative: 'Completed the 60-hour course and passed the final project with a score of 80 or more.' },
      achievementType: 'Certificate',
      image: { id: 'https://credstream.example/images/data-eng.png', type: 'Image', caption: 'Data Engineering' },
      alignment: [
        {
          type: ['Alignment'],
          targetName: 'manage data pipelines',
          targetUrl: 'http://data.europa.eu/esco/skill/2f8a1b0e-5d3c-4f1e-9a7b-6c5d4e3f2a1b',
          targetCode: '2f8a1b0e',
          targetFramework: 'ESCO',
        },
      ],
      tag: ['data', 'engineering'],
    },
    recipient: { email: 'Ana.Silva@example.org ', salt: 'q8R2xVb1' },
    validFrom: '2026-06-30T09:15:00.000Z',
    validUntil: '2029-06-30T09:15:00Z',
    evidence: [
      { id: 'https://lms.example.org/submissions/42', name: 'Final project', narrative: 'Streaming ETL on Kafka.' },
    ],
    credentialStatus: buildStatusListEntry({
      statusListCredential: 'https://credstream.example/status/5d1c1f0e/revocation/1',
      statusListIndex: 94567,
      statusPurpose: 'revocation',
    }),
    ...overrides,
  };
}

export function sampleCredential(overrides: Partial<BuildOpenBadgeCredentialInput> = {}): OpenBadgeCredential {
  return buildOpenBadgeCredential(sampleCredentialInput(overrides));
}

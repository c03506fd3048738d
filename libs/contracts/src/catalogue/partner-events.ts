import { TOPICS } from '../topics';
import type { EventContract } from './event-contract';
import { countryCode, email, object, oneOf, sha256Hex, text, timestamp } from './schema-builders';

const employer = object(
  'the employer',
  { name: text('employer name'), sector: text('sector, e.g. information-technology'), country: countryCode('country') },
  { size: oneOf('head-count band', ['1-9', '10-49', '50-249', '250+']) },
);

const person = object('the person, pseudonymised', {
  recipientKey: sha256Hex('sha256 hex of the trimmed, lower-cased email address'),
});

export const PARTNER_EVENTS: EventContract[] = [
  {
    type: 'learning.completed.v1',
    topic: TOPICS.partnerLearning,
    source: 'partner',
    aggregateType: 'learner',
    summary: 'An LMS reports that a learner completed a course or programme; issuance rules may award a credential.',
    dataSchema: object(
      'completion',
      {
        learner: object(
          'the learner',
          { email: email('where the credential is delivered') },
          { externalId: text('learner id in the LMS'), name: text('display name') },
        ),
        course: object(
          'what was completed',
          { id: text('course or programme id in the LMS'), kind: oneOf('kind', ['course', 'programme']) },
          { name: text('title') },
        ),
        completedAt: timestamp('when'),
      },
      { grade: text('grade or score as the LMS reports it'), cohort: text('cohort label') },
    ),
    example: {
      learner: { email: 'ana.silva@example.org', externalId: 'moodle-4711', name: 'Ana Silva' },
      course: { id: 'DATA-101', kind: 'course', name: 'Data Analysis with Python' },
      completedAt: '2026-06-29T16:00:00.000Z',
      grade: '87',
      cohort: '2026-spring',
    },
  },
  {
    type: 'person.hired.v1',
    topic: TOPICS.partnerEmployment,
    source: 'partner',
    aggregateType: 'person',
    summary: 'An HR system reports a hire.',
    dataSchema: object('hire', { person, employer, startedAt: timestamp('first day') }, { role: text('job title') }),
    example: {
      person: { recipientKey: '5b2d8f0e7c1a4b3d6e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d' },
      employer: { name: 'Acme Analytics', sector: 'information-technology', country: 'DE', size: '50-249' },
      role: 'Junior Data Analyst',
      startedAt: '2026-09-01T00:00:00.000Z',
    },
  },
  {
    type: 'person.promoted.v1',
    topic: TOPICS.partnerEmployment,
    source: 'partner',
    aggregateType: 'person',
    summary: 'An HR system reports a promotion.',
    dataSchema: object(
      'promotion',
      { person, employer, promotedAt: timestamp('effective date') },
      { role: text('new job title') },
    ),
    example: {
      person: { recipientKey: '5b2d8f0e7c1a4b3d6e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d' },
      employer: { name: 'Acme Analytics', sector: 'information-technology', country: 'DE' },
      role: 'Data Analyst',
      promotedAt: '2027-03-01T00:00:00.000Z',
    },
  },
];

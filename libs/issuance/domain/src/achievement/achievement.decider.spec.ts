import { deciderSpec, evolveAll } from '@credstream/event-sourcing';
import type { AchievementCommand } from './achievement.commands';
import { achievementDecider } from './achievement.decider';
import type { AchievementDefinition, AchievementEvent } from './achievement.events';
import { requireAwardable } from './achievement.queries';

const ACHIEVEMENT_ID = '01932c8e-0000-7000-8000-000000000002';
const ISSUER_ID = '01932c8e-0000-7000-8000-000000000001';
const ESCO = 'http://data.europa.eu/esco/skill/2a4f9e3b-1b9c-4c31-9c33-0fd1d0a7dc5c';

const definition: AchievementDefinition = {
  name: 'Data Analysis with Python',
  description: 'Cleans, analyses and visualises data sets with Python.',
  criteria: { narrative: 'Passed the final project with at least 70%.' },
  achievementType: 'Course',
  alignments: [{ targetName: 'data analytics', targetUrl: ESCO, targetCode: 'S1.2', targetFramework: 'ESCO' }],
  tags: ['data', 'python'],
  resultDescriptions: [
    {
      id: 'urn:uuid:7c1e0000-0000-4000-8000-000000000001',
      name: 'Final grade',
      resultType: 'Percent',
      requiredValue: '70',
    },
  ],
};
const ids = { achievementId: ACHIEVEMENT_ID, issuerId: ISSUER_ID, tenantId: 'uni-lisbon' };
const created: AchievementEvent = { type: 'achievement.created.v1', data: { ...ids, revision: 1, ...definition } };
const revisedDefinition: AchievementDefinition = { ...definition, description: 'Now with pandas.' };
const revised: AchievementEvent = {
  type: 'achievement.revised.v1',
  data: { ...ids, revision: 2, ...revisedDefinition },
};
const archived: AchievementEvent = { type: 'achievement.archived.v1', data: { achievementId: ACHIEVEMENT_ID } };

const create = (def: AchievementDefinition = definition, overrides: Partial<typeof ids> = {}): AchievementCommand => ({
  type: 'create-achievement',
  data: { ...ids, ...overrides, definition: def },
});
const revise = (def: AchievementDefinition): AchievementCommand => ({
  type: 'revise-achievement',
  data: { definition: def },
});
const archive: AchievementCommand = { type: 'archive-achievement', data: {} };

describe('achievement decider', () => {
  describe('create-achievement', () => {
    it('defines revision 1', () => {
      deciderSpec(achievementDecider).when(create()).then([created]);
    });

    it('trims fields, drops blank optional ones and de-duplicates tags', () => {
      deciderSpec(achievementDecider)
        .when(
          create({
            name: ' Python ',
            description: 'd',
            criteria: { id: 'https://uni.example/criteria', narrative: ' ' },
            tags: ['a', ' a ', ''],
            alignments: [],
          }),
        )
        .then([
          {
            type: 'achievement.created.v1',
            data: {
              ...ids,
              revision: 1,
              name: 'Python',
              description: 'd',
              criteria: { id: 'https://uni.example/criteria' },
              tags: ['a'],
            },
          },
        ]);
    });

    it('refuses a duplicate achievement and ids that are not UUIDs', () => {
      deciderSpec(achievementDecider).given([created]).when(create()).thenThrows('ACHIEVEMENT_ALREADY_EXISTS');
      deciderSpec(achievementDecider)
        .when(create(definition, { issuerId: 'x' }))
        .thenThrows('ACHIEVEMENT_ID_INVALID');
    });

    it('refuses an empty name or description', () => {
      deciderSpec(achievementDecider)
        .when(create({ ...definition, name: '  ' }))
        .thenThrows('ACHIEVEMENT_NAME_REQUIRED');
      deciderSpec(achievementDecider)
        .when(create({ ...definition, description: '' }))
        .thenThrows('ACHIEVEMENT_DESCRIPTION_REQUIRED');
    });

    it('refuses missing criteria', () => {
      deciderSpec(achievementDecider)
        .when(create({ ...definition, criteria: {} }))
        .thenThrows('ACHIEVEMENT_CRITERIA_REQUIRED');
      deciderSpec(achievementDecider)
        .when(create({ ...definition, criteria: { narrative: ' ', id: '' } }))
        .thenThrows('ACHIEVEMENT_CRITERIA_REQUIRED');
    });

    it('refuses invalid URLs, types, alignments, result descriptions and credits', () => {
      const spec = deciderSpec(achievementDecider);
      spec.when(create({ ...definition, criteria: { id: 'criteria.html' } })).thenThrows('ACHIEVEMENT_URL_INVALID');
      spec.when(create({ ...definition, imageUrl: 'badge.png' })).thenThrows('ACHIEVEMENT_URL_INVALID');
      spec.when(create({ ...definition, achievementType: 'Trophy' })).thenThrows('ACHIEVEMENT_TYPE_UNKNOWN');
      spec
        .when(create({ ...definition, alignments: [{ targetName: 'x', targetUrl: 'not a url' }] }))
        .thenThrows('ACHIEVEMENT_ALIGNMENT_INVALID');
      spec
        .when(create({ ...definition, resultDescriptions: [{ id: 'urn:x', name: 'Grade', resultType: 'Vibes' }] }))
        .thenThrows('ACHIEVEMENT_RESULT_DESCRIPTION_INVALID');
      spec
        .when(
          create({
            ...definition,
            resultDescriptions: [
              { id: 'urn:x', name: 'Grade', resultType: 'LetterGrade', allowedValues: ['A', 'B'], requiredValue: 'C' },
            ],
          }),
        )
        .thenThrows('ACHIEVEMENT_RESULT_DESCRIPTION_INVALID');
      spec.when(create({ ...definition, creditsAvailable: -1 })).thenThrows('ACHIEVEMENT_CREDITS_INVALID');
    });

    it('accepts extension types', () => {
      deciderSpec(achievementDecider)
        .when(
          create({
            ...definition,
            achievementType: 'ext:Bootcamp',
            alignments: undefined,
            tags: undefined,
            resultDescriptions: undefined,
          }),
        )
        .then([
          {
            type: 'achievement.created.v1',
            data: {
              ...ids,
              revision: 1,
              name: definition.name,
              description: definition.description,
              criteria: definition.criteria,
              achievementType: 'ext:Bootcamp',
            },
          },
        ]);
    });
  });

  describe('revise-achievement', () => {
    it('publishes the next revision with the full definition', () => {
      deciderSpec(achievementDecider).given([created]).when(revise(revisedDefinition)).then([revised]);
      deciderSpec(achievementDecider)
        .given([created, revised])
        .when(revise(definition))
        .then([{ type: 'achievement.revised.v1', data: { ...ids, revision: 3, ...definition } }]);
    });

    it('emits nothing for an unchanged definition (a retried revision)', () => {
      deciderSpec(achievementDecider).given([created, revised]).when(revise(revisedDefinition)).then([]);
    });

    it('refuses an unknown or archived achievement, and an invalid definition', () => {
      deciderSpec(achievementDecider).when(revise(definition)).thenThrows('ACHIEVEMENT_NOT_FOUND');
      deciderSpec(achievementDecider)
        .given([created, archived])
        .when(revise(revisedDefinition))
        .thenThrows('ACHIEVEMENT_ARCHIVED');
      deciderSpec(achievementDecider)
        .given([created])
        .when(revise({ ...definition, criteria: {} }))
        .thenThrows('ACHIEVEMENT_CRITERIA_REQUIRED');
    });
  });

  describe('archive-achievement', () => {
    it('archives', () => {
      deciderSpec(achievementDecider).given([created, revised]).when(archive).then([archived]);
    });

    it('refuses an unknown or already archived achievement', () => {
      deciderSpec(achievementDecider).when(archive).thenThrows('ACHIEVEMENT_NOT_FOUND');
      deciderSpec(achievementDecider).given([created, archived]).when(archive).thenThrows('ACHIEVEMENT_ARCHIVED');
    });
  });

  describe('requireAwardable', () => {
    it('returns the current revision, and refuses once archived', () => {
      const current = requireAwardable(evolveAll(achievementDecider, [created, revised]));
      expect(current).toMatchObject({ revision: 2, definition: revisedDefinition });
      expect(() => requireAwardable(evolveAll(achievementDecider, [created, archived]))).toThrow(
        expect.objectContaining({ code: 'ACHIEVEMENT_ARCHIVED' }),
      );
    });
  });
});

import { deciderSpec, evolveAll } from '@credstream/event-sourcing';
import { matchCompletion, type PartnerCompletion } from './completion.matcher';
import type { IssuanceRuleCommand } from './issuance-rule.commands';
import { issuanceRuleDecider } from './issuance-rule.decider';
import type { IssuanceRuleDefinedData, IssuanceRuleEvent } from './issuance-rule.events';

const RULE_ID = '01932c8e-0000-7000-8000-000000000011';
const rule: IssuanceRuleDefinedData = {
  ruleId: RULE_ID,
  tenantId: 'uni-lisbon',
  partnerCourseId: 'DATA-101',
  partnerSource: 'partner:moodle-uni-lisbon',
  condition: { kind: 'minimum-score', minimum: 70 },
  achievementId: '01932c8e-0000-7000-8000-000000000002',
  issuerId: '01932c8e-0000-7000-8000-000000000001',
};
const defined: IssuanceRuleEvent = { type: 'issuance-rule.defined', data: rule };
const DISABLED_AT = '2026-10-01T00:00:00.000Z';
const disabled: IssuanceRuleEvent = {
  type: 'issuance-rule.disabled',
  data: { ruleId: RULE_ID, disabledAt: DISABLED_AT },
};

const define = (overrides: Partial<IssuanceRuleDefinedData> = {}): IssuanceRuleCommand => ({
  type: 'define-issuance-rule',
  data: { ...rule, ...overrides },
});
const disable: IssuanceRuleCommand = { type: 'disable-issuance-rule', data: { disabledAt: DISABLED_AT } };

const completion = (
  overrides: { grade?: string; email?: string; courseId?: string; source?: string; tenantId?: string } = {},
): PartnerCompletion => ({
  tenantId: overrides.tenantId ?? 'uni-lisbon',
  source: overrides.source ?? 'partner:moodle-uni-lisbon',
  data: {
    learner: { email: overrides.email ?? 'ana.silva@example.org', externalId: 'moodle-4711' },
    course: { id: overrides.courseId ?? 'DATA-101', kind: 'course' },
    completedAt: '2026-06-29T16:00:00.000Z',
    ...('grade' in overrides ? { grade: overrides.grade } : { grade: '87' }),
  },
});

describe('issuance rule decider', () => {
  describe('define-issuance-rule', () => {
    it('defines a rule', () => {
      deciderSpec(issuanceRuleDecider).when(define()).then([defined]);
    });

    it('normalises accepted grades and leaves out absent options', () => {
      deciderSpec(issuanceRuleDecider)
        .when(
          define({ partnerSource: undefined, condition: { kind: 'accepted-grades', grades: [' a', 'B', 'A', ''] } }),
        )
        .then([
          {
            type: 'issuance-rule.defined',
            data: {
              ruleId: RULE_ID,
              tenantId: 'uni-lisbon',
              partnerCourseId: 'DATA-101',
              condition: { kind: 'accepted-grades', grades: ['A', 'B'] },
              achievementId: rule.achievementId,
              issuerId: rule.issuerId,
            },
          },
        ]);
    });

    it('refuses a duplicate rule', () => {
      deciderSpec(issuanceRuleDecider).given([defined]).when(define()).thenThrows('ISSUANCE_RULE_ALREADY_EXISTS');
    });

    it('refuses a missing course, bad ids, a bad partner source and an impossible condition', () => {
      const spec = deciderSpec(issuanceRuleDecider);
      spec.when(define({ partnerCourseId: ' ' })).thenThrows('ISSUANCE_RULE_COURSE_REQUIRED');
      spec.when(define({ achievementId: 'a-1' })).thenThrows('ISSUANCE_RULE_ID_INVALID');
      spec.when(define({ partnerSource: 'moodle' })).thenThrows('ISSUANCE_RULE_PARTNER_SOURCE_INVALID');
      spec
        .when(define({ condition: { kind: 'minimum-score', minimum: -1 } }))
        .thenThrows('ISSUANCE_RULE_CONDITION_INVALID');
      spec
        .when(define({ condition: { kind: 'accepted-grades', grades: [' '] } }))
        .thenThrows('ISSUANCE_RULE_CONDITION_INVALID');
    });
  });

  describe('disable-issuance-rule', () => {
    it('disables an enabled rule', () => {
      deciderSpec(issuanceRuleDecider).given([defined]).when(disable).then([disabled]);
    });

    it('refuses an unknown or disabled rule, and a bad time', () => {
      deciderSpec(issuanceRuleDecider).when(disable).thenThrows('ISSUANCE_RULE_NOT_FOUND');
      deciderSpec(issuanceRuleDecider)
        .given([defined, disabled])
        .when(disable)
        .thenThrows('ISSUANCE_RULE_ALREADY_DISABLED');
      deciderSpec(issuanceRuleDecider)
        .given([defined])
        .when({ type: 'disable-issuance-rule', data: { disabledAt: 'now' } })
        .thenThrows('ISSUANCE_RULE_TIMESTAMP_INVALID');
    });
  });
});

describe('matchCompletion', () => {
  const active = evolveAll(issuanceRuleDecider, [defined]);

  it('matches a completion of the course with a high enough score, with a stable key and credential id', () => {
    const first = matchCompletion(active, completion());
    const again = matchCompletion(active, completion({ email: ' Ana.Silva@Example.org ', grade: '95%' }));
    expect(first).toEqual(again);
    expect(first).toMatchObject({ matches: true, idempotencyKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
    if (!first.matches) throw new Error('expected a match');
    expect(first.credentialId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives another key for another learner or another rule', () => {
    const key = (state = active, email = 'ana.silva@example.org') => {
      const match = matchCompletion(state, completion({ email }));
      return match.matches ? match.idempotencyKey : match.reason;
    };
    const otherRule = evolveAll(issuanceRuleDecider, [
      { ...defined, data: { ...rule, ruleId: '01932c8e-0000-7000-8000-000000000012' } },
    ]);
    expect(new Set([key(), key(active, 'bo@example.org'), key(otherRule)]).size).toBe(3);
  });

  it('does not match other tenants, partners or courses, nor a disabled rule', () => {
    expect(matchCompletion(active, completion({ tenantId: 'uni-porto' }))).toEqual({
      matches: false,
      reason: 'other-tenant',
    });
    expect(matchCompletion(active, completion({ source: 'partner:canvas' }))).toEqual({
      matches: false,
      reason: 'other-partner',
    });
    expect(matchCompletion(active, completion({ courseId: 'DATA-102' }))).toEqual({
      matches: false,
      reason: 'other-course',
    });
    expect(matchCompletion(evolveAll(issuanceRuleDecider, [defined, disabled]), completion())).toEqual({
      matches: false,
      reason: 'rule-disabled',
    });
    expect(matchCompletion(issuanceRuleDecider.initialState(), completion())).toEqual({
      matches: false,
      reason: 'rule-missing',
    });
  });

  it('checks the grade condition', () => {
    expect(matchCompletion(active, completion({ grade: '69.5' }))).toEqual({ matches: false, reason: 'grade-too-low' });
    expect(matchCompletion(active, completion({ grade: '70,0' })).matches).toBe(true);
    expect(matchCompletion(active, completion({ grade: undefined }))).toEqual({
      matches: false,
      reason: 'grade-missing',
    });
    expect(matchCompletion(active, completion({ grade: 'A' }))).toEqual({ matches: false, reason: 'grade-missing' });
    const letters = evolveAll(issuanceRuleDecider, [
      { ...defined, data: { ...rule, condition: { kind: 'accepted-grades', grades: ['A', 'B'] } } },
    ]);
    expect(matchCompletion(letters, completion({ grade: 'b' })).matches).toBe(true);
    expect(matchCompletion(letters, completion({ grade: 'C' }))).toEqual({
      matches: false,
      reason: 'grade-not-accepted',
    });
  });

  it('refuses a learner email that cannot receive a credential', () => {
    expect(() => matchCompletion(active, completion({ email: 'ana@localhost' }))).toThrow(
      expect.objectContaining({ code: 'RECIPIENT_EMAIL_INVALID' }),
    );
  });
});

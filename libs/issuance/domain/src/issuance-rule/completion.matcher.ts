import { createHash } from 'node:crypto';
import { recipientKey } from '@credstream/open-badges';
import { normalizeRecipientEmail } from '../recipient/recipient-email';
import type { GradeCondition } from './issuance-rule.events';
import type { IssuanceRuleState } from './issuance-rule.state';

/** `data` of learning.completed.v1. */
export interface LearningCompletedData {
  learner: { email: string; externalId?: string; name?: string };
  course: { id: string; kind: 'course' | 'programme'; name?: string };
  completedAt: string;
  grade?: string;
  cohort?: string;
}

/** A completion as consumed: the envelope's tenant and source with the event data. */
export interface PartnerCompletion {
  tenantId: string;
  source: string;
  data: LearningCompletedData;
}

export type CompletionMismatch =
  | 'rule-missing'
  | 'rule-disabled'
  | 'other-tenant'
  | 'other-partner'
  | 'other-course'
  | 'grade-missing'
  | 'grade-too-low'
  | 'grade-not-accepted';

export type CompletionMatch =
  | {
      matches: true;
      /** Same (rule, learner, course) → same key, however often the partner sends the completion. */
      idempotencyKey: string;
      /** A credential id derived from the key: issuing it twice is refused as CREDENTIAL_ALREADY_ISSUED. */
      credentialId: string;
    }
  | { matches: false; reason: CompletionMismatch };

const NUMERIC_GRADE = /^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/;

/**
 * Whether a completion triggers the rule. Throws RECIPIENT_EMAIL_INVALID for a learner address that cannot
 * receive a credential (the consumer dead-letters it).
 */
export function matchCompletion(state: IssuanceRuleState, completion: PartnerCompletion): CompletionMatch {
  const { rule } = state;
  if (!rule) return { matches: false, reason: 'rule-missing' };
  if (!state.enabled) return { matches: false, reason: 'rule-disabled' };
  if (completion.tenantId !== rule.tenantId) return { matches: false, reason: 'other-tenant' };
  if (rule.partnerSource !== undefined && completion.source !== rule.partnerSource) {
    return { matches: false, reason: 'other-partner' };
  }
  if (completion.data.course.id.trim() !== rule.partnerCourseId) return { matches: false, reason: 'other-course' };
  const gradeMismatch = rule.condition && checkGrade(rule.condition, completion.data.grade);
  if (gradeMismatch) return { matches: false, reason: gradeMismatch };
  const idempotencyKey = completionIdempotencyKey(rule.ruleId, completion.data.learner.email, rule.partnerCourseId);
  return { matches: true, idempotencyKey, credentialId: credentialIdFromKey(idempotencyKey) };
}

function checkGrade(condition: GradeCondition, grade: string | undefined): CompletionMismatch | undefined {
  if (grade === undefined || grade.trim() === '') return 'grade-missing';
  if (condition.kind === 'accepted-grades') {
    return condition.grades.includes(grade.trim().toUpperCase()) ? undefined : 'grade-not-accepted';
  }
  const numeric = NUMERIC_GRADE.exec(grade)?.[1];
  if (numeric === undefined) return 'grade-missing';
  return Number(numeric.replace(',', '.')) >= condition.minimum ? undefined : 'grade-too-low';
}

/**
 * sha256 hex over (rule, learner, course). The learner is their normalised email's recipientKey — the address
 * the credential goes to, and the one field every completion carries (externalId is optional).
 */
export function completionIdempotencyKey(ruleId: string, learnerEmail: string, courseId: string): string {
  const learner = recipientKey(normalizeRecipientEmail(learnerEmail));
  return createHash('sha256')
    .update(JSON.stringify(['credstream.issuance-rule.v1', ruleId, learner, courseId.trim()]), 'utf8')
    .digest('hex');
}

/** A UUID (version 8, RFC 9562 custom layout) taken from the first 128 bits of an idempotency key. */
export function credentialIdFromKey(idempotencyKey: string): string {
  const bytes = Buffer.from(createHash('sha256').update(idempotencyKey, 'utf8').digest().subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

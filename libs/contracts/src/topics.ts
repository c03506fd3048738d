/**
 * Kafka topics: one per owning service and aggregate, keyed by aggregate id, plus the inbound
 * partner topics that outside systems (LMS, HR) produce to. The only thing services share.
 */
export const TOPICS = {
  issuanceTenant: 'issuance.tenant.v1',
  issuanceIssuer: 'issuance.issuer.v1',
  issuanceAchievement: 'issuance.achievement.v1',
  issuanceCredential: 'issuance.credential.v1',
  verificationVerification: 'verification.verification.v1',
  sharingRecipient: 'sharing.recipient.v1',
  sharingShare: 'sharing.share.v1',
  partnerLearning: 'partner.learning.v1',
  partnerEmployment: 'partner.employment.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

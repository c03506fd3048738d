import type { AppendMetadata } from '@credstream/event-store';

/** Who asked: the request or event that caused the work, for correlation and causation of what is appended. */
export interface RequestContext {
  correlationId: string;
  causationId: string | null;
}

/** Tenant of events about a recipient account itself (an account spans every institution it holds credentials of). */
export const RECIPIENT_ACCOUNT_TENANT = 'credstream';

export const sharingMetadata = (
  context: RequestContext,
  tenantId: string,
  aggregateType: 'recipient' | 'wallet-credential' | 'share',
  aggregateId?: string,
): AppendMetadata => ({
  tenantId,
  correlationId: context.correlationId,
  causationId: context.causationId,
  source: 'sharing',
  aggregateType,
  ...(aggregateId ? { aggregateId } : {}),
});

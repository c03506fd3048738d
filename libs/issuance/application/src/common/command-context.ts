import type { AppendMetadata } from '@credstream/event-store';

/** Who asks and why: copied into the metadata of every event a command appends. */
export interface CommandContext {
  tenantId: string;
  correlationId: string;
  /** The event or request that caused this command; null for a first cause. */
  causationId?: string | null;
}

export function appendMetadata(context: CommandContext, aggregateType: string, aggregateId?: string): AppendMetadata {
  return {
    tenantId: context.tenantId,
    correlationId: context.correlationId,
    causationId: context.causationId ?? null,
    source: 'issuance',
    aggregateType,
    ...(aggregateId ? { aggregateId } : {}),
  };
}

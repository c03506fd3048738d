import type { EventTraceContext } from '@credstream/observability';

/** Who and what an append belongs to; copied into every envelope of the append. */
export interface AppendMetadata {
  tenantId: string;
  correlationId: string;
  /** Id of the event or request that caused these events; null for a first cause. */
  causationId: string | null;
  /** Owning service, e.g. `issuance`, or `partner:<system-id>`. */
  source: string;
  aggregateType: string;
  /** Defaults to the stream id. */
  aggregateId?: string;
  /** When the events happened; defaults to the store's clock. For work recorded after the request that dated it. */
  occurredAt?: Date;
  /** Defaults to the trace context active when `append` is called (`captureTraceContext()`). */
  trace?: EventTraceContext;
  /**
   * Per event, by index, when one commit gathers events of different requests (group commit): each keeps the trace
   * of the request it came from. An index without one falls back to `trace`.
   */
  eventTraces?: readonly (EventTraceContext | undefined)[];
}

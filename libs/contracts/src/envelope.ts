/**
 * The envelope every integration event travels in, on Kafka and in the event stores.
 * `id` is a UUIDv7 and the idempotency key; `type` is `<aggregate>.<past-tense-verb>.v<major>`,
 * e.g. `credential.issued.v1`. Additive changes keep the type; breaking ones get a new major.
 */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  id: string;
  type: TType;
  /** Owning service (`issuance`, `verification`, `sharing`, `analytics`) or `partner:<system-id>` for partner events. */
  source: string;
  aggregateType: string;
  /** Kafka key: one aggregate's events stay in one partition, in order. */
  aggregateId: string;
  /** 1-based position of this event in its aggregate's stream. */
  aggregateVersion: number;
  tenantId: string;
  /** ISO-8601 in UTC, e.g. 2026-11-26T10:00:00.000Z */
  occurredAt: string;
  correlationId: string;
  /** Id of the event (or request) that caused this one; null for a first cause. */
  causationId: string | null;
  /** W3C trace context of the work that produced the event. */
  traceparent?: string;
  tracestate?: string;
  data: TData;
}

/** Kafka header names written by credstream producers (values are UTF-8 strings). */
export const EVENT_HEADERS = {
  id: 'ce-id',
  type: 'ce-type',
  source: 'ce-source',
  contentType: 'content-type',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

export const EVENT_CONTENT_TYPE = 'application/json';

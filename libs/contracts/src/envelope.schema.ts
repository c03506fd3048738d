import type { JsonSchema } from './catalogue/event-contract';

export const UUID_V7 = '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
export const EVENT_TYPE = '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+\\.v[1-9][0-9]*$';
export const SOURCE = '^(issuance|verification|sharing|analytics|partner:[A-Za-z0-9._-]{1,64})$';
const TRACEPARENT = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';
const UTC_TIMESTAMP = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$';

/** JSON Schema of the envelope (see envelope.ts); `data` is checked against the event type's own schema. */
export const ENVELOPE_SCHEMA: JsonSchema = {
  $id: 'https://credstream.dev/schemas/event-envelope.json',
  title: 'credstream event envelope',
  type: 'object',
  required: [
    'id',
    'type',
    'source',
    'aggregateType',
    'aggregateId',
    'aggregateVersion',
    'tenantId',
    'occurredAt',
    'correlationId',
    'causationId',
    'data',
  ],
  properties: {
    id: { type: 'string', pattern: UUID_V7, description: 'UUIDv7, unique per event: the idempotency key.' },
    type: {
      type: 'string',
      pattern: EVENT_TYPE,
      maxLength: 128,
      description: 'lower-case, dotted, past tense, major version: credential.issued.v1',
    },
    source: { type: 'string', pattern: SOURCE, description: 'owning service, or partner:<system-id>' },
    aggregateType: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 },
    aggregateId: { type: 'string', minLength: 1, maxLength: 256, description: 'Kafka message key' },
    aggregateVersion: { type: 'integer', minimum: 1 },
    tenantId: { type: 'string', minLength: 1, maxLength: 128 },
    occurredAt: { type: 'string', pattern: UTC_TIMESTAMP, format: 'date-time', description: 'ISO-8601, UTC (Z)' },
    correlationId: { type: 'string', minLength: 1, maxLength: 128 },
    causationId: { anyOf: [{ type: 'string', minLength: 1, maxLength: 128 }, { type: 'null' }] },
    traceparent: { type: 'string', pattern: TRACEPARENT, description: 'W3C trace context' },
    tracestate: { type: 'string', maxLength: 512 },
    data: { type: 'object' },
  },
};

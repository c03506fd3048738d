import type { EventEnvelope } from '@credstream/contracts';

/**
 * Applies freshly appended tenant events to the service's key directory on the write path, so a key works the
 * moment it is created. Idempotent and version-checked: the same events arriving later from Kafka change nothing.
 * Never throws: a failed write is repaired by the Kafka consumer of the same events.
 */
export interface TenantEventsProjector {
  project(events: readonly EventEnvelope[]): Promise<void>;
}

export const TENANT_EVENTS_PROJECTOR = Symbol('TENANT_EVENTS_PROJECTOR');

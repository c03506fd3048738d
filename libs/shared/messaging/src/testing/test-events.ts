import { v7 as uuidv7 } from 'uuid';
import { contractFor, EventEnvelope } from '@credstream/contracts';

/** A valid event of `type` (its catalogue example as data), with unique id. */
export function testEvent(type = 'credential.issued.v1', overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  const contract = contractFor(type);
  if (!contract) throw new Error(`unknown event type ${type}`);
  return {
    id: uuidv7(),
    type,
    source: contract.source === 'partner' ? 'partner:test-lms' : contract.source,
    aggregateType: contract.aggregateType,
    aggregateId: 'aggregate-1',
    aggregateVersion: 1,
    tenantId: 'tenant-1',
    occurredAt: new Date().toISOString(),
    correlationId: 'correlation-1',
    causationId: null,
    data: contract.example,
    ...overrides,
  };
}

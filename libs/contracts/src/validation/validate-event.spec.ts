import { EVENT_CONTRACTS } from '../catalogue/event-catalogue';
import type { EventContract } from '../catalogue/event-contract';
import type { EventEnvelope } from '../envelope';
import { TOPICS } from '../topics';
import { validateEvent } from './validate-event';

function envelopeFor(contract: EventContract, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    id: '01932c8e-7a3b-7cde-8f01-23456789abcd',
    type: contract.type,
    source: contract.source === 'partner' ? 'partner:moodle-uni-lisbon' : contract.source,
    aggregateType: contract.aggregateType,
    aggregateId: 'aggregate-1',
    aggregateVersion: 1,
    tenantId: 'uni-lisbon',
    occurredAt: '2026-06-30T10:00:00.000Z',
    correlationId: 'corr-1',
    causationId: null,
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    data: contract.example,
    ...overrides,
  };
}

const issued = EVENT_CONTRACTS.find((contract) => contract.type === 'credential.issued.v1')!;

describe('validateEvent', () => {
  it.each(EVENT_CONTRACTS.map((contract) => [contract.type, contract] as const))(
    'accepts the documented example of %s',
    (_type, contract) => {
      expect(validateEvent(envelopeFor(contract), { topic: contract.topic })).toEqual({
        valid: true,
        event: envelopeFor(contract),
      });
    },
  );

  it('accepts unknown extra fields (additive changes stay in the same version)', () => {
    const event = envelopeFor(issued, { data: { ...issued.example, newField: 1 } });
    expect(validateEvent(event).valid).toBe(true);
  });

  it('names the data field at fault', () => {
    const { recipient: _recipient, ...withoutRecipient } = issued.example;
    const result = validateEvent(envelopeFor(issued, { data: { ...withoutRecipient, validFrom: 'yesterday' } }));
    expect(result.valid).toBe(false);
    expect(!result.valid && result.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['data.recipient', 'data.validFrom']),
    );
  });

  it.each([
    ['id', { id: '4b1d6d3e-2b7e-4f3a-9c1d-123456789abc' }], // a v4 UUID
    ['type', { type: 'CredentialIssued' }],
    ['occurredAt', { occurredAt: '2026-06-30T10:00:00+02:00' }],
    ['aggregateVersion', { aggregateVersion: 0 }],
    ['traceparent', { traceparent: 'not-a-trace' }],
  ] as const)('rejects a malformed envelope field: %s', (field, override) => {
    const result = validateEvent(envelopeFor(issued, override as Partial<EventEnvelope>));
    expect(!result.valid && result.problems.map((problem) => problem.path)).toContain(field);
  });

  it('rejects an unknown event type', () => {
    const result = validateEvent(envelopeFor(issued, { type: 'credential.teleported.v1' }));
    expect(result).toEqual({
      valid: false,
      problems: [{ path: 'type', message: 'unknown event type "credential.teleported.v1"' }],
    });
  });

  it('rejects an event on the wrong topic, from the wrong source, or with the wrong aggregate type', () => {
    const result = validateEvent(envelopeFor(issued, { source: 'sharing', aggregateType: 'share' }), {
      topic: TOPICS.sharingShare,
    });
    expect(!result.valid && result.problems.map((problem) => problem.path).sort()).toEqual([
      'aggregateType',
      'source',
      'type',
    ]);
  });

  it('requires partner events to name their partner system', () => {
    const completion = EVENT_CONTRACTS.find((contract) => contract.type === 'learning.completed.v1')!;
    expect(validateEvent(envelopeFor(completion, { source: 'issuance' })).valid).toBe(false);
    expect(validateEvent(envelopeFor(completion, { source: 'partner:moodle' })).valid).toBe(true);
  });
});

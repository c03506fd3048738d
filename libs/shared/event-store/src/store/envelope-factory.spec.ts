import { validateEvent } from '@credstream/contracts';
import { InvalidEventError } from '../errors/invalid-event.error';
import type { AppendMetadata } from './append-metadata';
import { toStoredEnvelopes } from './envelope-factory';

const toEnvelopes = (...args: Parameters<typeof toStoredEnvelopes>) => toStoredEnvelopes(...args).envelopes;
import { assertIntegrationEventsValid } from './integration-event-check';

const metadata: AppendMetadata = {
  tenantId: 'uni-lisbon',
  correlationId: 'corr-1',
  causationId: null,
  source: 'issuance',
  aggregateType: 'tenant',
  trace: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
};
const clock = () => new Date('2026-11-26T10:00:00.000Z');
const created = {
  type: 'tenant.created.v1',
  data: { tenantId: 'uni-lisbon', name: 'University of Lisbon', country: 'PT' },
};

describe('toEnvelopes', () => {
  it('numbers events from the first version and fills the envelope from metadata and clock', () => {
    const [first, second] = toEnvelopes('tenant-1', 4, [created, { type: 'tenant.noted', data: {} }], metadata, clock);
    expect(first).toMatchObject({
      type: 'tenant.created.v1',
      aggregateId: 'tenant-1',
      aggregateVersion: 4,
      occurredAt: '2026-11-26T10:00:00.000Z',
      traceparent: metadata.trace!.traceparent,
      causationId: null,
    });
    expect(second!.aggregateVersion).toBe(5);
    expect(first!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(first!.id).not.toBe(second!.id);
    expect(validateEvent(first)).toEqual({ valid: true, event: first });
  });

  it('keeps the JSON text of exactly the envelopes it returns, for the commit document', () => {
    const { envelopes, json, eventJson } = toStoredEnvelopes(
      's',
      1,
      [created, { type: 'x.happened.v1', data: { at: new Date(0), gone: undefined, n: -0, big: 1e21 } }],
      metadata,
      clock,
    );
    expect(json).toBe(JSON.stringify(envelopes));
    expect(JSON.parse(json)).toEqual(envelopes);
    // Each event's own text, as the relay publishes it without serialising again.
    expect(eventJson).toEqual(envelopes.map((envelope) => JSON.stringify(envelope)));
  });

  it("gives each event its own request's trace when the metadata names one per event", () => {
    const own = '00-0af7651916cd43dd8448eb211c80aaaa-b7ad6b7169203331-01';
    const envelopes = toEnvelopes(
      's',
      1,
      [created, created],
      { ...metadata, eventTraces: [{ traceparent: own }] },
      clock,
    );
    expect(envelopes.map((envelope) => envelope.traceparent)).toEqual([own, metadata.trace!.traceparent]);
  });

  it('stores data as JSON and omits absent trace fields', () => {
    const [envelope] = toEnvelopes(
      's',
      1,
      [{ type: 'x.happened.v1', data: { at: new Date(0), gone: undefined } }],
      { ...metadata, trace: {} },
      clock,
    );
    expect(envelope!.data).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    expect('traceparent' in envelope!).toBe(false);
  });
});

describe('assertIntegrationEventsValid', () => {
  it('accepts valid integration events and ignores internal types', () => {
    const envelopes = toEnvelopes(
      't',
      1,
      [created, { type: 'tenant.internal-note', data: { anything: 1 } }],
      metadata,
      clock,
    );
    expect(() => assertIntegrationEventsValid('t', envelopes)).not.toThrow();
  });

  it('rejects an integration event that breaks its contract, naming the field', () => {
    const bad = { type: 'tenant.created.v1', data: { tenantId: 'uni-lisbon', country: 'PT' } };
    const envelopes = toEnvelopes('t', 1, [created, bad], { ...metadata, source: 'sharing' }, clock);
    let error: unknown;
    try {
      assertIntegrationEventsValid('t', envelopes);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).code).toBe('INVALID_EVENT');
    expect((error as InvalidEventError).message).toContain('data.name');
    expect((error as InvalidEventError).message).toContain('source');
    expect((error as InvalidEventError).invalid.map((event) => event.aggregateVersion)).toEqual([1, 2]);
  });
});

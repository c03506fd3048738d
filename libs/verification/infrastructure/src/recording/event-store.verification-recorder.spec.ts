import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { AppendMetadata, AppendResult, EventStore } from '@credstream/event-store';
import type { DomainEvent } from '@credstream/event-sourcing';
import type { CredentialVerifiedData } from '@credstream/verification/domain';
import { EventStoreVerificationRecorder } from './event-store.verification-recorder';

interface Append {
  streamId: string;
  events: readonly DomainEvent[];
  metadata: AppendMetadata;
}

/** An event store whose appends complete when the test says so. */
class ControlledStore implements Pick<EventStore, 'append'> {
  readonly appends: Append[] = [];
  private releases: (() => void)[] = [];
  failNext = 0;

  append(streamId: string, _expected: unknown, events: readonly DomainEvent[], metadata: AppendMetadata) {
    return new Promise<AppendResult>((resolve, reject) => {
      this.releases.push(() => {
        if (this.failNext > 0) {
          this.failNext -= 1;
          reject(new Error('store down'));
          return;
        }
        this.appends.push({ streamId, events, metadata });
        resolve({ streamId, version: events.length, events: [] });
      });
    });
  }

  async releaseAll(): Promise<void> {
    const pending = this.releases;
    this.releases = [];
    pending.forEach((release) => release());
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const event = (n: number, issuerTenantId?: string): CredentialVerifiedData => ({
  verificationId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  credentialId: null,
  issuerDid: null,
  issuerKnown: issuerTenantId !== undefined,
  verified: false,
  checks: [],
  channel: 'api',
  ...(issuerTenantId ? { issuerTenantId } : {}),
});

describe('EventStoreVerificationRecorder', () => {
  it('groups the verifications that finish during an append into the next one (group commit)', async () => {
    const store = new ControlledStore();
    const recorder = new EventStoreVerificationRecorder(store as unknown as EventStore, { awaitStored: true });
    const done: number[] = [];
    const first = recorder.record(event(1)).then(() => done.push(1));
    const rest = [2, 3, 4].map((n) => recorder.record(event(n)).then(() => done.push(n)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toEqual([]);

    await store.releaseAll();
    await first;
    expect(store.appends.map((a) => a.events.length)).toEqual([1]);
    await store.releaseAll();
    await Promise.all(rest);
    expect(store.appends.map((a) => a.events.length)).toEqual([1, 3]);
    expect(done).toEqual([1, 2, 3, 4]);
    expect(store.appends[1]).toMatchObject({
      streamId: expect.stringMatching(/^verification-/),
      metadata: { source: 'verification', aggregateType: 'verification', tenantId: 'external' },
    });
    expect(store.appends[1].events[0]).toEqual({ type: 'credential.verified.v1', data: event(2) });
  });

  it('stores each verification with the trace of its own request, though one append carries several', async () => {
    const contextManager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(contextManager);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    try {
      const store = new ControlledStore();
      const recorder = new EventStoreVerificationRecorder(store as unknown as EventStore, { awaitStored: true });
      const inRequest = (traceId: string, work: () => Promise<void>) =>
        context.with(
          trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED }),
          work,
        );
      const first = inRequest('0af7651916cd43dd8448eb211c800001', () => recorder.record(event(1)));
      const second = inRequest('0af7651916cd43dd8448eb211c800002', () => recorder.record(event(2)));
      const third = inRequest('0af7651916cd43dd8448eb211c800003', () => recorder.record(event(3)));
      await store.releaseAll();
      await store.releaseAll();
      await Promise.all([first, second, third]);

      const [, grouped] = store.appends;
      expect(grouped.metadata.trace).toEqual({});
      expect(grouped.metadata.eventTraces?.map((stored) => stored?.traceparent)).toEqual([
        '00-0af7651916cd43dd8448eb211c800002-b7ad6b7169203331-01',
        '00-0af7651916cd43dd8448eb211c800003-b7ad6b7169203331-01',
      ]);
    } finally {
      context.disable();
      propagation.disable();
    }
  });

  it("appends each tenant's verifications under that tenant", async () => {
    const store = new ControlledStore();
    const recorder = new EventStoreVerificationRecorder(store as unknown as EventStore, { awaitStored: true });
    const all = Promise.all([recorder.record(event(1, 'uni-a')), recorder.record(event(2, 'uni-b'))]);
    await store.releaseAll();
    await store.releaseAll();
    await all;
    const tenants = store.appends.map((a) => `${a.metadata.tenantId}:${a.events.length}`);
    expect(tenants.sort()).toEqual(['uni-a:1', 'uni-b:1']);
  });

  it('releases the waiting verification when the store fails, and appends its event once it recovers', async () => {
    const store = new ControlledStore();
    const errors: number[] = [];
    const recorder = new EventStoreVerificationRecorder(store as unknown as EventStore, {
      awaitStored: true,
      retryDelayMs: 1,
      onError: (_error, events) => errors.push(events),
    });
    store.failNext = 1;
    const recorded = recorder.record(event(1));
    await store.releaseAll();
    await recorded;
    expect(errors).toEqual([1]);
    expect(store.appends).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await store.releaseAll();
    expect(store.appends.map((a) => a.events.length)).toEqual([1]);
  });

  it('drops the oldest events beyond the buffer limit, and says so', async () => {
    const store = new ControlledStore();
    let dropped = 0;
    const recorder = new EventStoreVerificationRecorder(store as unknown as EventStore, {
      awaitStored: true,
      maxBuffered: 2,
      onDropped: (events) => (dropped += events),
    });
    const all = [1, 2, 3, 4].map((n) => recorder.record(event(n)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(dropped).toBe(1);
    await store.releaseAll();
    await store.releaseAll();
    await Promise.all(all);
    expect(
      store.appends.flatMap((a) => a.events.map((e) => (e.data as CredentialVerifiedData).verificationId)),
    ).toEqual([event(1), event(3), event(4)].map((e) => e.verificationId));
  });

  it('by default only queues: the verification does not wait for the store', async () => {
    const store = new ControlledStore();
    const recorder = new EventStoreVerificationRecorder(store as unknown as EventStore);
    await Promise.all([1, 2, 3].map((n) => recorder.record(event(n))));
    expect(store.appends).toEqual([]);
    expect(recorder.pending).toBe(2);
    await store.releaseAll();
    await store.releaseAll();
    expect(store.appends.map((a) => a.events.length)).toEqual([1, 2]);
    expect(recorder.pending).toBe(0);
  });

  it('drains what is queued on shutdown', async () => {
    const store = new ControlledStore();
    const recorder = new EventStoreVerificationRecorder(store as unknown as EventStore, { awaitStored: true });
    const recorded = recorder.record(event(1));
    const drained = recorder.drain();
    await store.releaseAll();
    await Promise.all([recorded, drained]);
    expect(store.appends).toHaveLength(1);
  });
});

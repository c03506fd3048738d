import { Registry } from 'prom-client';
import { ConsumerMetrics } from './consumer.metrics';

describe('ConsumerMetrics', () => {
  it('exposes the consumer metrics under their documented names and labels', async () => {
    const registry = new Registry();
    const metrics = new ConsumerMetrics('verification', registry);
    metrics.processed('credential.issued.v1');
    metrics.failed('credential.issued.v1', 'handler-error');
    metrics.deadLettered('retries-exhausted');
    metrics.lag('issuance.credential.v1', 1, 42);
    metrics.timeHandler('credential.issued.v1')('success');
    const text = await registry.metrics();
    expect(text).toContain('credstream_events_processed_total{group="verification",type="credential.issued.v1"} 1');
    expect(text).toContain(
      'credstream_events_failed_total{group="verification",type="credential.issued.v1",reason="handler-error"} 1',
    );
    expect(text).toContain('credstream_events_dead_lettered_total{group="verification",reason="retries-exhausted"} 1');
    expect(text).toContain(
      'credstream_consumer_lag{group="verification",topic="issuance.credential.v1",partition="1"} 42',
    );
    expect(text).toContain(
      'credstream_event_handle_duration_seconds_count{group="verification",type="credential.issued.v1",outcome="success"} 1',
    );
  });

  it('lets several consumer groups share one registry', async () => {
    const registry = new Registry();
    new ConsumerMetrics('a', registry).processed('x.y.v1');
    new ConsumerMetrics('b', registry).processed('x.y.v1');
    const text = await registry.metrics();
    expect(text).toContain('credstream_events_processed_total{group="a",type="x.y.v1"} 1');
    expect(text).toContain('credstream_events_processed_total{group="b",type="x.y.v1"} 1');
  });

  it('counts a batch of processed events of one type at once, adding to the single counts', async () => {
    const registry = new Registry();
    const metrics = new ConsumerMetrics('analytics', registry);
    metrics.processed('share.viewed.v1');
    metrics.processedMany('share.viewed.v1', 41);
    metrics.processedMany('share.created.v1', 0);
    const text = await registry.metrics();
    expect(text).toContain('credstream_events_processed_total{group="analytics",type="share.viewed.v1"} 42');
    expect(text).not.toContain('type="share.created.v1"');
  });
});

import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { KafkaConnection, MongoConnection, ROOT_LOGGER } from '@credstream/runtime';
import { EventRelay } from '../relay/event-relay';
import { RelayProducerThread } from '../relay/relay-producer.thread';
import { MongoEventStore } from '../store/mongo-event-store';
import type { Logger } from 'pino';
import { Gauge, register } from 'prom-client';
import { EVENT_SOURCING_OPTIONS, EventSourcingOptions } from './event-sourcing.options';

const RETRY_DELAY_MS = 1_000;

/**
 * Runs the service's event relay once MongoDB and Kafka are reachable, and stops it before the
 * connections close. Starting in the background keeps the service's HTTP side up (and its readiness
 * honest) while a dependency is still coming up.
 */
@Injectable()
export class RelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay: EventRelay | undefined;
  private producer: RelayProducerThread | undefined;
  private starting: Promise<void> | undefined;
  private stopped = false;
  private readonly logger: Logger;

  constructor(
    private readonly store: MongoEventStore,
    private readonly mongo: MongoConnection,
    private readonly kafka: KafkaConnection,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingOptions,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'relay-runner' });
    registerRelayMetrics(() => this.relay);
  }

  onApplicationBootstrap(): void {
    if (this.options.relay === false) return;
    this.starting = this.startWhenConnected();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.relay?.stop();
    await this.producer?.disconnect();
  }

  private async startWhenConnected(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.mongo.check();
        await this.store.init();
        // Encoding Kafka records is CPU-heavy at bulk rates: the producer runs on a thread of its own.
        const producer = await RelayProducerThread.start({
          clientId: this.kafka.clientId,
          serviceName: this.kafka.clientId,
          logLevel: this.logger.level,
          kafka: this.kafka.settings,
        });
        this.producer = producer;
        this.relay = new EventRelay({
          connection: this.mongo.connection,
          producer,
          logger: this.logger,
          collectionPrefix: this.options.collectionPrefix,
          notifier: this.store.notifier,
          ...this.options.relayTuning,
        });
        await this.relay.start();
        this.logger.info('event relay started');
        return;
      } catch (error) {
        this.logger.warn({ err: error }, 'event relay not started yet; retrying');
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = undefined;
        this.relay = undefined;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }
}

function registerRelayMetrics(current: () => EventRelay | undefined): void {
  if (register.getSingleMetric('credstream_relay_events_published_total')) return;
  new Gauge({
    name: 'credstream_relay_events_published_total',
    help: 'Events this process relayed to Kafka since start.',
    collect() {
      this.set(current()?.metrics().published ?? 0);
    },
  });
  new Gauge({
    name: 'credstream_relay_lease_held',
    help: '1 when this replica holds the relay lease.',
    collect() {
      this.set(current()?.metrics().leaseHeld ? 1 : 0);
    },
  });
}

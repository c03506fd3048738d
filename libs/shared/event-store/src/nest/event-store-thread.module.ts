import { DynamicModule, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ROOT_LOGGER } from '@credstream/runtime';
import type { Logger } from 'pino';
import { Gauge, register } from 'prom-client';
import { EventStoreThread } from '../thread/event-store-thread';
import type { EventStoreThreadSettings } from '../thread/event-store-thread.protocol';

export interface EventStoreThreadModuleOptions {
  /** The DI token the thread is bound to (its users inject it as an `EventAppender`). */
  provide: symbol;
  /** The worker logs at the level of the service's root logger. */
  settings: Omit<EventStoreThreadSettings, 'logLevel'>;
}

const THREADS = new Map<string, EventStoreThread>();

/** Starts the thread once the application is up. Closing it is its owner's job: after the last flush into it. */
@Injectable()
class EventStoreThreadStarter implements OnApplicationBootstrap {
  constructor(private readonly thread: EventStoreThread) {}

  onApplicationBootstrap(): void {
    this.thread.start();
  }
}

/**
 * An `EventStoreThread` (its own store, relay and worker thread) bound to a token, started with the application.
 * The module that records into it closes it in its own shutdown hook, after flushing: Nest gives no order between
 * two modules' hooks of the same phase. See ADR 0010.
 */
@Module({})
export class EventStoreThreadModule {
  static forRoot({ provide, settings }: EventStoreThreadModuleOptions): DynamicModule {
    return {
      module: EventStoreThreadModule,
      global: true,
      providers: [
        {
          provide,
          inject: [ROOT_LOGGER],
          useFactory: (logger: Logger) => {
            // The worker logs at the service's level (its root logger's, which tests may silence).
            const thread = new EventStoreThread({ ...settings, logLevel: logger.level }, logger);
            registerThreadMetrics(settings.name, thread);
            return thread;
          },
        },
        {
          provide: EventStoreThreadStarter,
          inject: [provide],
          useFactory: (thread: EventStoreThread) => new EventStoreThreadStarter(thread),
        },
      ],
      exports: [provide],
    };
  }
}

function registerThreadMetrics(name: string, thread: EventStoreThread): void {
  THREADS.set(name, thread);
  if (register.getSingleMetric('credstream_event_store_thread_published_total')) return;
  new Gauge({
    name: 'credstream_event_store_thread_published_total',
    help: 'Events the relay of an event store thread published since it started.',
    labelNames: ['thread'],
    collect() {
      for (const [thread, current] of THREADS) this.set({ thread }, current.metrics().published);
    },
  });
  new Gauge({
    name: 'credstream_event_store_thread_appends_in_flight',
    help: 'Appends posted to an event store thread and not answered yet.',
    labelNames: ['thread'],
    collect() {
      for (const [thread, current] of THREADS) this.set({ thread }, current.metrics().inFlight);
    },
  });
  new Gauge({
    name: 'credstream_event_store_thread_lease_held',
    help: "1 when the relay of this replica's event store thread holds its lease.",
    labelNames: ['thread'],
    collect() {
      for (const [thread, current] of THREADS) this.set({ thread }, current.metrics().leaseHeld ? 1 : 0);
    },
  });
}

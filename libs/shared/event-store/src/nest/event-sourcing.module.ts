import { DynamicModule, Global, Module } from '@nestjs/common';
import { businessNow } from '@credstream/observability';
import { MongoConnection } from '@credstream/runtime';
import { MongoEventStore } from '../store/mongo-event-store';
import { EVENT_STORE } from '../store/event-store.token';
import { EVENT_SOURCING_OPTIONS, EventSourcingOptions } from './event-sourcing.options';
import { RelayRunner } from './relay-runner';

/**
 * A service's event store on its MongoDB connection, bound to `EVENT_STORE`, and the relay that
 * publishes its committed integration events to Kafka. Needs `ConnectionsModule` with mongo and kafka.
 */
@Global()
@Module({})
export class EventSourcingModule {
  static forRoot(options: EventSourcingOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      providers: [
        { provide: EVENT_SOURCING_OPTIONS, useValue: options },
        {
          provide: MongoEventStore,
          inject: [MongoConnection],
          useFactory: (mongo: MongoConnection) =>
            new MongoEventStore({
              connection: mongo.connection,
              collectionPrefix: options.collectionPrefix,
              clock: businessNow,
            }),
        },
        { provide: EVENT_STORE, useExisting: MongoEventStore },
        RelayRunner,
      ],
      exports: [EVENT_STORE, MongoEventStore],
    };
  }
}

import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, OnModuleInit, Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ClickHouseConfig, KafkaConfig, MongoConfig } from '@credstream/config';
import { ClickHouseConnection } from './clickhouse-connection';
import { ManagedConnection, READINESS_PROBES } from './dependency-probe';
import { KafkaConnection } from './kafka-connection';
import { MongoConnection } from './mongo-connection';
import { ROOT_LOGGER } from '../logging/logging.tokens';

/** The dependencies a service declares; readiness checks exactly these. */
export interface ConnectionsOptions {
  serviceName: string;
  mongo?: MongoConfig;
  kafka?: KafkaConfig;
  clickhouse?: ClickHouseConfig;
}

const OPTIONS = Symbol('CONNECTIONS_OPTIONS');

@Global()
@Module({})
export class ConnectionsModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(READINESS_PROBES) private readonly connections: ManagedConnection[]) {}

  static forRoot(options: ConnectionsOptions): DynamicModule {
    const providers: Provider[] = [{ provide: OPTIONS, useValue: options }];
    const probeTokens: unknown[] = [];
    if (options.mongo) {
      const mongo = options.mongo;
      providers.push({
        provide: MongoConnection,
        inject: [ROOT_LOGGER],
        useFactory: (logger: Logger) => new MongoConnection(mongo.MONGODB_URI, logger),
      });
      probeTokens.push(MongoConnection);
    }
    if (options.kafka) {
      const kafka = options.kafka;
      providers.push({
        provide: KafkaConnection,
        inject: [ROOT_LOGGER],
        useFactory: (logger: Logger) => new KafkaConnection(kafka, options.serviceName, logger),
      });
      probeTokens.push(KafkaConnection);
    }
    if (options.clickhouse) {
      const clickhouse = options.clickhouse;
      providers.push({ provide: ClickHouseConnection, useFactory: () => new ClickHouseConnection(clickhouse) });
      probeTokens.push(ClickHouseConnection);
    }
    providers.push({
      provide: READINESS_PROBES,
      inject: probeTokens as never[],
      useFactory: (...connections: ManagedConnection[]) => connections,
    });
    return {
      module: ConnectionsModule,
      providers,
      exports: [READINESS_PROBES, ...(probeTokens as Provider[])],
    };
  }

  onModuleInit(): void {
    for (const connection of this.connections) connection.start?.();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.connections.map((connection) => connection.close()));
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { MongoConnection } from '@credstream/runtime';
import { ISSUER_DIRECTORY } from '@credstream/verification/application';
import {
  IssuanceEventsProjection,
  IssuerReadModels,
  MongoIssuerDirectory,
} from '@credstream/verification/infrastructure';
import type { VerifyCredentialConfig } from '../config/verification.config';
import { IssuanceEventsConsumer } from './issuance-events.consumer';

/** The local projection of issuance events, and the issuer directory verification reads from it. */
@Module({})
export class IssuerProjectionModule {
  static register(config: Pick<VerifyCredentialConfig, 'VERIFY_ISSUER_CACHE_MS'>): DynamicModule {
    return {
      module: IssuerProjectionModule,
      controllers: [IssuanceEventsConsumer],
      providers: [
        {
          provide: IssuerReadModels,
          inject: [MongoConnection],
          useFactory: (mongo: MongoConnection) => new IssuerReadModels(mongo.connection),
        },
        {
          provide: MongoIssuerDirectory,
          inject: [IssuerReadModels],
          useFactory: (models: IssuerReadModels) =>
            new MongoIssuerDirectory(models, { ttlMs: config.VERIFY_ISSUER_CACHE_MS }),
        },
        { provide: ISSUER_DIRECTORY, useExisting: MongoIssuerDirectory },
        {
          provide: IssuanceEventsProjection,
          inject: [IssuerReadModels, MongoIssuerDirectory],
          useFactory: (models: IssuerReadModels, directory: MongoIssuerDirectory) =>
            new IssuanceEventsProjection(models, directory),
        },
      ],
      exports: [ISSUER_DIRECTORY],
    };
  }
}

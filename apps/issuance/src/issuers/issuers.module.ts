import { DynamicModule, Global, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@credstream/event-store';
import {
  CreateIssuerHandler,
  EventSourcedIssuerSigningService,
  ISSUER_DID_FACTORY,
  ISSUER_READ_MODEL,
  ISSUER_SIGNING_SERVICE,
  IssuerQueries,
  IssuerRepository,
  RevokeSigningKeyHandler,
  RotateSigningKeyHandler,
  SIGNING_KEY_VAULT,
  UpdateIssuerProfileHandler,
  type IssuerDidFactory,
  type IssuerReadModel,
  type IssuerSigningService,
  type SigningKeyVault,
} from '@credstream/issuance/application';
import { MongoIssuerReadModel } from '@credstream/issuance/infrastructure';
import { didWebFor } from '@credstream/open-badges';
import { businessNow } from '@credstream/observability';
import { MongoConnection } from '@credstream/runtime';
import type { IssuerIdentityConfig } from '../config/issuance.config';
import { IssuersController } from './issuers.controller';

/**
 * Issuer profiles and their keys. Global: exports the issuer repository, queries, read model and
 * ISSUER_SIGNING_SERVICE for the credentials, achievements and DID modules.
 */
@Global()
@Module({})
export class IssuersModule {
  static register(config: IssuerIdentityConfig): DynamicModule {
    return {
      module: IssuersModule,
      controllers: [IssuersController],
      providers: [
        {
          provide: ISSUER_DID_FACTORY,
          useValue: ((issuerId) =>
            didWebFor(config.ISSUANCE_PUBLIC_URL, ['issuers', issuerId], {
              allowHttp: config.DID_WEB_ALLOW_INSECURE_LOCALHOST,
            })) satisfies IssuerDidFactory,
        },
        {
          provide: ISSUER_READ_MODEL,
          inject: [MongoConnection],
          useFactory: (mongo: MongoConnection): IssuerReadModel => new MongoIssuerReadModel(mongo.connection),
        },
        {
          provide: IssuerRepository,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new IssuerRepository(store),
        },
        {
          provide: IssuerQueries,
          inject: [IssuerRepository, ISSUER_READ_MODEL],
          useFactory: (repository: IssuerRepository, readModel: IssuerReadModel) =>
            new IssuerQueries(repository, readModel),
        },
        {
          provide: ISSUER_SIGNING_SERVICE,
          inject: [IssuerRepository, SIGNING_KEY_VAULT],
          useFactory: (repository: IssuerRepository, vault: SigningKeyVault): IssuerSigningService =>
            new EventSourcedIssuerSigningService(repository, vault),
        },
        {
          provide: CreateIssuerHandler,
          inject: [EVENT_STORE, SIGNING_KEY_VAULT, ISSUER_DID_FACTORY, IssuerRepository, ISSUER_READ_MODEL],
          useFactory: (
            store: EventStore,
            vault: SigningKeyVault,
            didFor: IssuerDidFactory,
            repository: IssuerRepository,
            readModel: IssuerReadModel,
          ) => new CreateIssuerHandler(store, vault, didFor, repository, readModel),
        },
        {
          provide: UpdateIssuerProfileHandler,
          inject: [EVENT_STORE, IssuerRepository, ISSUER_READ_MODEL],
          useFactory: (store: EventStore, repository: IssuerRepository, readModel: IssuerReadModel) =>
            new UpdateIssuerProfileHandler(store, repository, readModel),
        },
        {
          provide: RotateSigningKeyHandler,
          inject: [EVENT_STORE, SIGNING_KEY_VAULT, IssuerRepository, ISSUER_READ_MODEL],
          useFactory: (
            store: EventStore,
            vault: SigningKeyVault,
            repository: IssuerRepository,
            readModel: IssuerReadModel,
          ) => new RotateSigningKeyHandler(store, vault, repository, readModel),
        },
        {
          provide: RevokeSigningKeyHandler,
          inject: [EVENT_STORE, IssuerRepository, ISSUER_READ_MODEL],
          useFactory: (store: EventStore, repository: IssuerRepository, readModel: IssuerReadModel) =>
            new RevokeSigningKeyHandler(store, repository, readModel, businessNow),
        },
      ],
      exports: [IssuerRepository, IssuerQueries, ISSUER_READ_MODEL, ISSUER_SIGNING_SERVICE, ISSUER_DID_FACTORY],
    };
  }
}

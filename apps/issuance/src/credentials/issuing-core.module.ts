import { businessNow } from '@credstream/observability';
import { resolve } from 'node:path';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@credstream/event-store';
import {
  BULK_ISSUANCE_SETTINGS,
  BULK_JOB_REPOSITORY,
  BulkIssuanceService,
  ChangeCredentialStatusHandler,
  CREDENTIAL_READ_MODEL,
  CREDENTIAL_SCHEMA_CHECK,
  CREDENTIAL_SIGNER,
  CredentialHistoryQuery,
  CredentialIssuer,
  GetCredentialQuery,
  ISSUANCE_RULE_REPOSITORY,
  IssuanceRulesService,
  IssueContextResolver,
  IssueCredentialHandler,
  ISSUING_DIRECTORY,
  NEW_STREAMS_WRITER,
  PartnerCompletionHandler,
  SearchCredentialsQuery,
  SIGNING_KEY_VAULT,
  STATUS_LIST_REPOSITORY,
  STATUS_LIST_SETTINGS,
  StatusListService,
  type BulkIssuanceSettings,
  type BulkJobRepository,
  type CredentialReadModel,
  type CredentialSchemaCheck,
  type CredentialSigner,
  type IssuanceRuleRepository,
  type IssuingDirectory,
  type NewStreamsWriter,
  type SigningKeyVault,
  type StatusListRepository,
  type StatusListSettings,
} from '@credstream/issuance/application';
import {
  EventStoreNewStreamsWriter,
  MongoBulkJobRepository,
  MongoCredentialReadModel,
  MongoIssuanceRuleRepository,
  MongoStatusListRepository,
  Ob3SchemaDirectoryCheck,
  VaultCredentialSigner,
} from '@credstream/issuance/infrastructure';
import { MongoConnection } from '@credstream/runtime';
import { ISSUANCE_PUBLIC_URL } from '../config/issuance-public-url';
import type { CredentialsConfig } from './credentials.config';
import { SigningThreadLifecycle } from './signing-thread.lifecycle';

/**
 * Issuing credentials, shared by the credentials, bulk, status list and rule endpoints: the ports bound to their
 * adapters and the use cases over them. Needs ISSUING_DIRECTORY, SIGNING_KEY_VAULT and EVENT_STORE (global).
 */
@Global()
@Module({})
export class IssuingCoreModule {
  static register(config: CredentialsConfig): DynamicModule {
    const exported = [
      IssueCredentialHandler,
      ChangeCredentialStatusHandler,
      GetCredentialQuery,
      CredentialHistoryQuery,
      SearchCredentialsQuery,
      StatusListService,
      BulkIssuanceService,
      IssuanceRulesService,
      PartnerCompletionHandler,
      STATUS_LIST_SETTINGS,
      BULK_JOB_REPOSITORY,
    ];
    return {
      module: IssuingCoreModule,
      providers: [
        {
          provide: CREDENTIAL_READ_MODEL,
          inject: [MongoConnection],
          useFactory: (mongo: MongoConnection): CredentialReadModel => new MongoCredentialReadModel(mongo.connection),
        },
        {
          provide: STATUS_LIST_REPOSITORY,
          inject: [MongoConnection],
          useFactory: (mongo: MongoConnection): StatusListRepository => new MongoStatusListRepository(mongo.connection),
        },
        {
          provide: BULK_JOB_REPOSITORY,
          inject: [MongoConnection],
          useFactory: (mongo: MongoConnection): BulkJobRepository => new MongoBulkJobRepository(mongo.connection),
        },
        {
          provide: ISSUANCE_RULE_REPOSITORY,
          inject: [MongoConnection],
          useFactory: (mongo: MongoConnection): IssuanceRuleRepository =>
            new MongoIssuanceRuleRepository(mongo.connection),
        },
        { provide: SigningThreadLifecycle, useFactory: () => new SigningThreadLifecycle(config.SIGNING_THREAD) },
        {
          provide: CREDENTIAL_SIGNER,
          inject: [SIGNING_KEY_VAULT, SigningThreadLifecycle],
          useFactory: (vault: SigningKeyVault, signing: SigningThreadLifecycle): CredentialSigner =>
            new VaultCredentialSigner(vault, signing.thread),
        },
        {
          provide: CREDENTIAL_SCHEMA_CHECK,
          useFactory: (): CredentialSchemaCheck =>
            new Ob3SchemaDirectoryCheck(resolve(process.cwd(), config.OB3_SCHEMA_DIR)),
        },
        {
          provide: NEW_STREAMS_WRITER,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore): NewStreamsWriter => new EventStoreNewStreamsWriter(store),
        },
        {
          provide: STATUS_LIST_SETTINGS,
          inject: [ISSUANCE_PUBLIC_URL],
          useFactory: (publicUrl: string): StatusListSettings => ({
            publicBaseUrl: publicUrl.replace(/\/+$/, ''),
            size: config.STATUS_LIST_SIZE,
            maxFill: config.STATUS_LIST_MAX_FILL_PERCENT / 100,
            ttlMs: config.STATUS_LIST_TTL_MS,
          }),
        },
        {
          provide: BULK_ISSUANCE_SETTINGS,
          useValue: {
            maxRows: config.BULK_MAX_ROWS,
            batchSize: config.BULK_BATCH_SIZE,
            concurrency: config.BULK_CONCURRENCY,
          } satisfies BulkIssuanceSettings,
        },
        {
          provide: StatusListService,
          inject: [EVENT_STORE, STATUS_LIST_REPOSITORY, ISSUING_DIRECTORY, CREDENTIAL_SIGNER, STATUS_LIST_SETTINGS],
          useFactory: (
            store: EventStore,
            repository: StatusListRepository,
            directory: IssuingDirectory,
            signer: CredentialSigner,
            settings: StatusListSettings,
          ) => new StatusListService(store, repository, directory, signer, settings, businessNow),
        },
        {
          provide: CredentialIssuer,
          inject: [
            CREDENTIAL_READ_MODEL,
            StatusListService,
            CREDENTIAL_SIGNER,
            CREDENTIAL_SCHEMA_CHECK,
            NEW_STREAMS_WRITER,
          ],
          useFactory: (
            readModel: CredentialReadModel,
            statusLists: StatusListService,
            signer: CredentialSigner,
            schema: CredentialSchemaCheck,
            writer: NewStreamsWriter,
          ) =>
            new CredentialIssuer(
              readModel,
              statusLists,
              signer,
              schema,
              writer,
              { schemaCheck: config.CREDENTIAL_SCHEMA_CHECK },
              businessNow,
            ),
        },
        {
          provide: IssueContextResolver,
          inject: [ISSUING_DIRECTORY],
          useFactory: (directory: IssuingDirectory) => new IssueContextResolver(directory),
        },
        {
          provide: IssueCredentialHandler,
          inject: [IssueContextResolver, CredentialIssuer],
          useFactory: (contexts: IssueContextResolver, issuer: CredentialIssuer) =>
            new IssueCredentialHandler(contexts, issuer),
        },
        {
          provide: ChangeCredentialStatusHandler,
          inject: [EVENT_STORE, StatusListService, CREDENTIAL_READ_MODEL],
          useFactory: (store: EventStore, statusLists: StatusListService, readModel: CredentialReadModel) =>
            new ChangeCredentialStatusHandler(store, statusLists, readModel, businessNow),
        },
        {
          provide: GetCredentialQuery,
          inject: [EVENT_STORE],
          useFactory: (s: EventStore) => new GetCredentialQuery(s),
        },
        {
          provide: CredentialHistoryQuery,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new CredentialHistoryQuery(store),
        },
        {
          provide: SearchCredentialsQuery,
          inject: [CREDENTIAL_READ_MODEL],
          useFactory: (readModel: CredentialReadModel) => new SearchCredentialsQuery(readModel),
        },
        {
          provide: BulkIssuanceService,
          inject: [IssueContextResolver, CredentialIssuer, BULK_JOB_REPOSITORY, BULK_ISSUANCE_SETTINGS],
          useFactory: (
            contexts: IssueContextResolver,
            issuer: CredentialIssuer,
            jobs: BulkJobRepository,
            settings: BulkIssuanceSettings,
          ) => new BulkIssuanceService(contexts, issuer, jobs, settings),
        },
        {
          provide: IssuanceRulesService,
          inject: [EVENT_STORE, ISSUANCE_RULE_REPOSITORY, IssueContextResolver],
          useFactory: (store: EventStore, rules: IssuanceRuleRepository, contexts: IssueContextResolver) =>
            new IssuanceRulesService(store, rules, contexts, businessNow),
        },
        {
          provide: PartnerCompletionHandler,
          inject: [ISSUANCE_RULE_REPOSITORY, IssueContextResolver, CredentialIssuer],
          useFactory: (rules: IssuanceRuleRepository, contexts: IssueContextResolver, issuer: CredentialIssuer) =>
            new PartnerCompletionHandler(rules, contexts, issuer),
        },
      ],
      exports: exported,
    };
  }
}

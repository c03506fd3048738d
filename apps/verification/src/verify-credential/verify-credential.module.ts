import { resolve } from 'node:path';
import {
  DynamicModule,
  Inject,
  Module,
  RequestMethod,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Logger } from 'pino';
import type { EventAppender, EventStoreThread } from '@credstream/event-store';
import { fastRoutesProvider, ROOT_LOGGER } from '@credstream/runtime';
import {
  BAKED_BADGE_READER,
  CLOCK,
  ISSUER_DIRECTORY,
  JwtProofVerifier,
  KEY_RESOLVER,
  SCHEMA_VALIDATOR,
  SIGNATURE_VERIFIER,
  STATUS_LIST_FETCHER,
  STATUS_LIST_PROVIDER,
  TokenFactsMemo,
  VERIFICATION_POLICY,
  VERIFICATION_RECORDER,
  VerifiedStatusListProvider,
  VerifyCredentialHandler,
  type BakedBadgeReader,
  type Clock,
  type IssuerDirectory,
  type KeyResolver,
  type SchemaValidator,
  type SignatureVerifier,
  type StatusListFetcher,
  type StatusListProvider,
  type VerificationRecorder,
} from '@credstream/verification/application';
import { verificationPolicy, type VerificationPolicy } from '@credstream/verification/domain';
import {
  DidWebKeyResolver,
  EventStoreVerificationRecorder,
  FileOb3SchemaValidator,
  HttpStatusListFetcher,
  ImageBakedBadgeReader,
  NodeCryptoSignatureVerifier,
  SafeHttpFetcher,
} from '@credstream/verification/infrastructure';
import type { VerifyCredentialConfig } from '../config/verification.config';
import { CredentialsVerifyController } from './credentials-verify.controller';
import { IssuerProjectionModule } from '../issuer-projection/issuer-projection.module';
import { VerifyPageController } from '../verify-page/verify-page.controller';
import { VerifierOrganisationsModule } from '../verifier-organisations/verifier-organisations.module';
import { FixedWindowThrottlerStorage } from '../rate-limit/fixed-window.throttler-storage';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import {
  VERIFY_RATE_LIMIT_OPTIONS,
  VerifyRateLimit,
  type VerifyRateLimitOptions,
} from '../rate-limit/verify-rate-limit';
import { publicCorsMiddleware } from './public-cors.middleware';
import { SystemClock } from './system.clock';
import { VerificationRunner } from './verification-runner';
import { VERIFY_HTTP_OPTIONS, type VerifyHttpOptions } from './verify-http.options';
import { VerifyController } from './verify.controller';
import { VerifyJsonFastRoute } from './verify-json.fast-route';

/** The verifications' own event store, on a worker thread (an `EventAppender`). */
export const VERIFICATIONS_STORE = Symbol('VERIFICATIONS_STORE');

/**
 * The use case of verifying a credential: its ports bound to their adapters, the handler, the two API endpoints and
 * the public page (rate-limited, open to browsers of any origin), and the recording of every verification.
 */
@Module({})
export class VerifyCredentialModule implements NestModule, OnApplicationShutdown {
  static register(config: VerifyCredentialConfig): DynamicModule {
    const providers: Provider[] = [
      {
        provide: VERIFICATION_POLICY,
        useFactory: (): Partial<VerificationPolicy> => ({ clockSkewSeconds: config.VERIFY_CLOCK_SKEW_SECONDS }),
      },
      {
        provide: SafeHttpFetcher,
        useFactory: () =>
          new SafeHttpFetcher({
            timeoutMs: config.VERIFY_FETCH_TIMEOUT_MS,
            allowInsecureLocalhost: config.DID_WEB_ALLOW_INSECURE_LOCALHOST,
          }),
      },
      {
        provide: KEY_RESOLVER,
        inject: [SafeHttpFetcher],
        useFactory: (fetcher: SafeHttpFetcher): KeyResolver =>
          new DidWebKeyResolver(fetcher, { allowInsecureLocalhost: config.DID_WEB_ALLOW_INSECURE_LOCALHOST }),
      },
      {
        provide: SIGNATURE_VERIFIER,
        useFactory: (): SignatureVerifier =>
          new NodeCryptoSignatureVerifier(undefined, config.VERIFY_TOKEN_MEMO_ENTRIES),
      },
      {
        provide: SCHEMA_VALIDATOR,
        useFactory: (): SchemaValidator => new FileOb3SchemaValidator(resolve(process.cwd(), config.OB3_SCHEMA_DIR)),
      },
      { provide: CLOCK, useFactory: (): Clock => new SystemClock() },
      { provide: BAKED_BADGE_READER, useFactory: (): BakedBadgeReader => new ImageBakedBadgeReader() },
      {
        provide: EventStoreVerificationRecorder,
        inject: [VERIFICATIONS_STORE, ROOT_LOGGER],
        useFactory: (store: EventAppender, logger: Logger) =>
          new EventStoreVerificationRecorder(store, {
            awaitStored: config.VERIFY_AWAIT_EVENT_STORED,
            onError: (error, events) => logger.warn({ err: error, events }, 'recording verifications failed; retrying'),
            onDropped: (events) => logger.error({ events }, 'verification events dropped: the buffer is full'),
          }),
      },
      { provide: VERIFICATION_RECORDER, useExisting: EventStoreVerificationRecorder },
      {
        provide: VERIFY_HTTP_OPTIONS,
        useValue: {
          countryHeader: config.VERIFY_REQUEST_COUNTRY_HEADER,
          jsonBodyLimitBytes: config.VERIFY_JSON_BODY_LIMIT_BYTES,
        } satisfies VerifyHttpOptions,
      },
      VerificationRunner,
      RateLimitGuard,
      {
        provide: VERIFY_RATE_LIMIT_OPTIONS,
        useValue: {
          limit: config.VERIFY_RATE_LIMIT,
          windowMs: config.VERIFY_RATE_LIMIT_WINDOW_MS,
        } satisfies VerifyRateLimitOptions,
      },
      VerifyRateLimit,
      VerifyJsonFastRoute,
      fastRoutesProvider(VerifyJsonFastRoute),
      {
        provide: STATUS_LIST_FETCHER,
        inject: [SafeHttpFetcher],
        useFactory: (fetcher: SafeHttpFetcher): StatusListFetcher => new HttpStatusListFetcher(fetcher),
      },
      {
        provide: STATUS_LIST_PROVIDER,
        inject: [STATUS_LIST_FETCHER, KEY_RESOLVER, SIGNATURE_VERIFIER, ISSUER_DIRECTORY, CLOCK, VERIFICATION_POLICY],
        useFactory: (
          fetcher: StatusListFetcher,
          keyResolver: KeyResolver,
          signatureVerifier: SignatureVerifier,
          issuerDirectory: IssuerDirectory,
          clock: Clock,
          policy: Partial<VerificationPolicy>,
        ): StatusListProvider =>
          new VerifiedStatusListProvider(
            fetcher,
            new JwtProofVerifier(keyResolver, signatureVerifier, verificationPolicy(policy)),
            issuerDirectory,
            clock,
          ),
      },
      {
        provide: VerifyCredentialHandler,
        inject: [
          KEY_RESOLVER,
          SIGNATURE_VERIFIER,
          STATUS_LIST_PROVIDER,
          SCHEMA_VALIDATOR,
          ISSUER_DIRECTORY,
          CLOCK,
          VERIFICATION_POLICY,
          BAKED_BADGE_READER,
          VERIFICATION_RECORDER,
        ],
        useFactory: (
          keyResolver: KeyResolver,
          signatureVerifier: SignatureVerifier,
          statusListProvider: StatusListProvider,
          schemaValidator: SchemaValidator,
          issuerDirectory: IssuerDirectory,
          clock: Clock,
          policy: Partial<VerificationPolicy>,
          bakedBadgeReader: BakedBadgeReader,
          recorder: VerificationRecorder,
        ) =>
          new VerifyCredentialHandler(
            {
              keyResolver,
              signatureVerifier,
              statusListProvider,
              schemaValidator,
              issuerDirectory,
              clock,
              bakedBadgeReader,
              recorder,
            },
            policy,
            new TokenFactsMemo({ maxEntries: config.VERIFY_TOKEN_MEMO_ENTRIES }),
          ),
      },
    ];
    return {
      module: VerifyCredentialModule,
      imports: [
        IssuerProjectionModule.register(config),
        VerifierOrganisationsModule,
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: config.VERIFY_RATE_LIMIT_WINDOW_MS, limit: config.VERIFY_RATE_LIMIT }],
          storage: new FixedWindowThrottlerStorage(),
        }),
        MulterModule.register({
          limits: { fileSize: config.VERIFY_UPLOAD_MAX_BYTES, files: 1, fields: 8, fieldSize: 300 * 1024 },
        }),
      ],
      controllers: [CredentialsVerifyController, VerifyController, VerifyPageController],
      providers,
    };
  }

  constructor(
    @Inject(EventStoreVerificationRecorder) private readonly recorder: EventStoreVerificationRecorder,
    @Inject(VERIFICATIONS_STORE) private readonly verificationsStore: EventStoreThread,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(publicCorsMiddleware)
      .forRoutes(
        { path: 'verify', method: RequestMethod.ALL },
        { path: 'credentials/verify', method: RequestMethod.ALL },
      );
  }

  /** Verifications answered just before shutdown are still recorded (and published before the store closes). */
  async onApplicationShutdown(): Promise<void> {
    await this.recorder.drain();
    await this.verificationsStore.close();
  }
}

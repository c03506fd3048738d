import {
  OnApplicationShutdown,
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  type Provider,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventAppender, type EventStore, type EventStoreThread } from '@credstream/event-store';
import { businessNow } from '@credstream/observability';
import { DomainProblemsInterceptor, fastRoutesProvider, MongoConnection, ROOT_LOGGER } from '@credstream/runtime';
import {
  AUTH_STORE,
  BADGE_BAKER,
  ClaimCredentialHandler,
  CredentialStatusHandler,
  DeliverCredentialHandler,
  EraseAccountHandler,
  HELD_CREDENTIALS,
  ImportCredentialHandler,
  MAILER,
  PAGE_VIEW_SINK,
  PublicCredentialQuery,
  RECIPIENT_DIRECTORY,
  RecipientAccounts,
  SHARE_LINKS,
  SHARING_CLOCK,
  ShareLinkHandlers,
  SharingUrls,
  SignInHandlers,
  ViewerHasher,
  WalletHandlers,
  type AuthStore,
  type BadgeBaker,
  type Clock,
  type HeldCredentials,
  type Mailer,
  type PageViewSink,
  type RecipientDirectory,
  type ShareLinks,
} from '@credstream/sharing/application';
import {
  BufferedPageViewSink,
  ensureSharingIndexes,
  MongoAuthStore,
  MongoHeldCredentials,
  MongoRecipientDirectory,
  MongoShareLinks,
  OpenBadgesBaker,
  SmtpMailer,
} from '@credstream/sharing/infrastructure';
import { ClaimController } from '../claim/claim.controller';
import type { SharingFeatureConfig } from '../config/sharing.config';
import { CredentialEventsController } from '../delivery/credential-events.controller';
import { SHARING_STATUS_BY_CODE } from '../http/sharing-status-by-code';
import { PublicPageController } from '../public-page/public-page.controller';
import { PublicPageFastRoute } from '../public-page/public-page.fast-route';
import { PublicPageResponder } from '../public-page/public-page.responder';
import { ShareLinksController } from '../share-links/share-links.controller';
import { CurrentRecipient } from '../sign-in/current-recipient';
import { SignInController } from '../sign-in/sign-in.controller';
import { ImportController } from '../wallet/import.controller';
import { WalletPageController } from '../wallet/wallet-page.controller';
import { WalletController } from '../wallet/wallet.controller';
import { registerPageViewMetrics } from './page-view.metrics';
import { SHARING_CONFIG, VIEWS_STORE } from './sharing.tokens';

/**
 * Creates the read-model indexes once MongoDB answers. On shutdown, once HTTP has stopped, appends the last page views
 * into the views store and closes it (its relay publishes them first).
 */
@Injectable()
class SharingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly mongo: MongoConnection,
    @Inject(PAGE_VIEW_SINK) private readonly views: BufferedPageViewSink,
    @Inject(VIEWS_STORE) private readonly viewsStore: EventStoreThread,
    @Inject(MAILER) private readonly mailer: SmtpMailer,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  private stopped = false;

  onApplicationBootstrap(): void {
    void this.createIndexes();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.mailer.close();
    await this.views.close();
    await this.viewsStore.close();
  }

  /** In the background, retried until MongoDB answers: lookups work without the indexes, only slower. */
  private async createIndexes(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await ensureSharingIndexes(this.mongo.connection);
        return;
      } catch (error) {
        if (attempt === 1) this.logger.warn({ err: error }, 'sharing indexes not created yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, 2_000).unref());
      }
    }
  }
}

const factory = <T>(provide: unknown, inject: unknown[], useFactory: (...args: never[]) => T): Provider => ({
  provide: provide as string,
  inject: inject as string[],
  useFactory: useFactory as (...args: unknown[]) => T,
});

/** The sharing use cases: ports bound to their adapters, the handlers, and every controller. */
@Module({})
export class SharingFeaturesModule {
  static register(config: SharingFeatureConfig): DynamicModule {
    const providers: Provider[] = [
      { provide: SHARING_CONFIG, useValue: config },
      // The request's business time (historical imports may date it), else now.
      { provide: SHARING_CLOCK, useValue: { now: businessNow } satisfies Clock },
      { provide: SharingUrls, useValue: new SharingUrls(config.SHARING_PUBLIC_URL) },
      { provide: BADGE_BAKER, useValue: new OpenBadgesBaker() },
      { provide: ViewerHasher, useValue: new ViewerHasher(config.VIEWER_HASH_SECRET) },
      { provide: APP_INTERCEPTOR, useClass: DomainProblemsInterceptor(SHARING_STATUS_BY_CODE) },
      factory(
        HELD_CREDENTIALS,
        [MongoConnection],
        (mongo: MongoConnection) => new MongoHeldCredentials(mongo.connection),
      ),
      factory(
        RECIPIENT_DIRECTORY,
        [MongoConnection],
        (mongo: MongoConnection) => new MongoRecipientDirectory(mongo.connection),
      ),
      factory(SHARE_LINKS, [MongoConnection], (mongo: MongoConnection) => new MongoShareLinks(mongo.connection)),
      factory(AUTH_STORE, [MongoConnection], (mongo: MongoConnection) => new MongoAuthStore(mongo.connection)),
      factory(MAILER, [], () => new SmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM })),
      factory(PAGE_VIEW_SINK, [VIEWS_STORE, ROOT_LOGGER], (store: EventAppender, logger: Logger) => {
        const sink = new BufferedPageViewSink(store, {
          flushIntervalMs: config.VIEW_FLUSH_INTERVAL_MS,
          maxBuffered: config.VIEW_BUFFER_MAX_VIEWS,
          onError: (error) => logger.warn({ err: error }, 'page views not stored yet; retrying'),
          onDropped: (views) => logger.error({ views }, 'page views dropped: the buffer is full'),
        });
        registerPageViewMetrics(() => sink.metrics());
        return sink;
      }),
      factory(
        RecipientAccounts,
        [EVENT_STORE, RECIPIENT_DIRECTORY, SHARING_CLOCK],
        (store: EventStore, directory: RecipientDirectory, clock: Clock) =>
          new RecipientAccounts(store, directory, clock),
      ),
      factory(
        DeliverCredentialHandler,
        [EVENT_STORE, HELD_CREDENTIALS, MAILER, SharingUrls, SHARING_CLOCK],
        (store: EventStore, credentials: HeldCredentials, mailer: Mailer, urls: SharingUrls, clock: Clock) =>
          new DeliverCredentialHandler(store, credentials, mailer, urls, clock, {
            claimTokenTtlDays: config.CLAIM_TOKEN_TTL_DAYS,
          }),
      ),
      factory(
        CredentialStatusHandler,
        [EVENT_STORE, HELD_CREDENTIALS],
        (store: EventStore, credentials: HeldCredentials) => new CredentialStatusHandler(store, credentials),
      ),
      factory(
        ClaimCredentialHandler,
        [EVENT_STORE, HELD_CREDENTIALS, RecipientAccounts, SHARING_CLOCK],
        (store: EventStore, credentials: HeldCredentials, accounts: RecipientAccounts, clock: Clock) =>
          new ClaimCredentialHandler(store, credentials, accounts, clock),
      ),
      factory(
        SignInHandlers,
        [AUTH_STORE, RECIPIENT_DIRECTORY, MAILER, SharingUrls, SHARING_CLOCK],
        (auth: AuthStore, directory: RecipientDirectory, mailer: Mailer, urls: SharingUrls, clock: Clock) =>
          new SignInHandlers(auth, directory, mailer, urls, clock, {
            magicLinkTtlMinutes: config.MAGIC_LINK_TTL_MINUTES,
            sessionTtlHours: config.SESSION_TTL_HOURS,
          }),
      ),
      factory(
        WalletHandlers,
        [HELD_CREDENTIALS, RecipientAccounts, BADGE_BAKER, SharingUrls],
        (credentials: HeldCredentials, accounts: RecipientAccounts, baker: BadgeBaker, urls: SharingUrls) =>
          new WalletHandlers(credentials, accounts, baker, urls),
      ),
      factory(
        ImportCredentialHandler,
        [EVENT_STORE, HELD_CREDENTIALS, RecipientAccounts, BADGE_BAKER, SHARING_CLOCK],
        (
          store: EventStore,
          credentials: HeldCredentials,
          accounts: RecipientAccounts,
          baker: BadgeBaker,
          clock: Clock,
        ) => new ImportCredentialHandler(store, credentials, accounts, baker, clock),
      ),
      factory(
        EraseAccountHandler,
        [EVENT_STORE, HELD_CREDENTIALS, SHARE_LINKS, RECIPIENT_DIRECTORY, AUTH_STORE, RecipientAccounts, SHARING_CLOCK],
        (
          store: EventStore,
          credentials: HeldCredentials,
          shares: ShareLinks,
          directory: RecipientDirectory,
          auth: AuthStore,
          accounts: RecipientAccounts,
          clock: Clock,
        ) => new EraseAccountHandler(store, credentials, shares, directory, auth, accounts, clock),
      ),
      factory(
        ShareLinkHandlers,
        [EVENT_STORE, SHARE_LINKS, WalletHandlers, SharingUrls, SHARING_CLOCK],
        (store: EventStore, shares: ShareLinks, wallet: WalletHandlers, urls: SharingUrls, clock: Clock) =>
          new ShareLinkHandlers(store, shares, wallet, urls, clock),
      ),
      factory(
        PublicCredentialQuery,
        [HELD_CREDENTIALS, SHARE_LINKS, PAGE_VIEW_SINK, ViewerHasher, SHARING_CLOCK],
        (credentials: HeldCredentials, shares: ShareLinks, views: PageViewSink, hasher: ViewerHasher, clock: Clock) =>
          new PublicCredentialQuery(credentials, shares, views, hasher, clock, config.PUBLIC_PAGE_CACHE_MS),
      ),
      CurrentRecipient,
      SharingLifecycle,
      PublicPageResponder,
      PublicPageFastRoute,
      fastRoutesProvider(PublicPageFastRoute),
    ];
    return {
      module: SharingFeaturesModule,
      imports: [ThrottlerModule.forRoot([{ name: 'links', ttl: 60_000, limit: config.LINK_REQUESTS_PER_MINUTE }])],
      controllers: [
        CredentialEventsController,
        ClaimController,
        SignInController,
        WalletController,
        ImportController,
        ShareLinksController,
        PublicPageController,
        WalletPageController,
      ],
      providers,
    };
  }
}

import { Global, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@credstream/event-store';
import {
  ACHIEVEMENT_LOOKUP,
  ACHIEVEMENT_READ_MODEL,
  AchievementQueries,
  AchievementRepository,
  ArchiveAchievementHandler,
  CreateAchievementHandler,
  EventSourcedAchievementLookup,
  IssuerRepository,
  ReviseAchievementHandler,
  type AchievementLookup,
  type AchievementReadModel,
} from '@credstream/issuance/application';
import { MongoAchievementReadModel } from '@credstream/issuance/infrastructure';
import { MongoConnection } from '@credstream/runtime';
import { AchievementsController } from './achievements.controller';

/** Achievement definitions. Global: exports the repository and ACHIEVEMENT_LOOKUP for issuing. */
@Global()
@Module({
  controllers: [AchievementsController],
  providers: [
    {
      provide: ACHIEVEMENT_READ_MODEL,
      inject: [MongoConnection],
      useFactory: (mongo: MongoConnection): AchievementReadModel => new MongoAchievementReadModel(mongo.connection),
    },
    {
      provide: AchievementRepository,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new AchievementRepository(store),
    },
    {
      provide: ACHIEVEMENT_LOOKUP,
      inject: [AchievementRepository],
      useFactory: (repository: AchievementRepository): AchievementLookup =>
        new EventSourcedAchievementLookup(repository),
    },
    {
      provide: AchievementQueries,
      inject: [AchievementRepository, ACHIEVEMENT_READ_MODEL],
      useFactory: (repository: AchievementRepository, readModel: AchievementReadModel) =>
        new AchievementQueries(repository, readModel),
    },
    {
      provide: CreateAchievementHandler,
      inject: [EVENT_STORE, IssuerRepository, AchievementRepository, ACHIEVEMENT_READ_MODEL],
      useFactory: (
        store: EventStore,
        issuers: IssuerRepository,
        repository: AchievementRepository,
        readModel: AchievementReadModel,
      ) => new CreateAchievementHandler(store, issuers, repository, readModel),
    },
    {
      provide: ReviseAchievementHandler,
      inject: [EVENT_STORE, AchievementRepository, ACHIEVEMENT_READ_MODEL],
      useFactory: (store: EventStore, repository: AchievementRepository, readModel: AchievementReadModel) =>
        new ReviseAchievementHandler(store, repository, readModel),
    },
    {
      provide: ArchiveAchievementHandler,
      inject: [EVENT_STORE, AchievementRepository, ACHIEVEMENT_READ_MODEL],
      useFactory: (store: EventStore, repository: AchievementRepository, readModel: AchievementReadModel) =>
        new ArchiveAchievementHandler(store, repository, readModel),
    },
  ],
  exports: [AchievementRepository, ACHIEVEMENT_LOOKUP, AchievementQueries],
})
export class AchievementsModule {}

import { Global, Module } from '@nestjs/common';
import {
  AchievementRepository,
  EventSourcedIssuingDirectory,
  ISSUER_READ_MODEL,
  IssuerRepository,
  ISSUING_DIRECTORY,
  type IssuerReadModel,
  type IssuingDirectory,
} from '@credstream/issuance/application';

/** ISSUING_DIRECTORY for the credentials side: issuers and achievements as issuing needs them, from their streams. */
@Global()
@Module({
  providers: [
    {
      provide: ISSUING_DIRECTORY,
      inject: [IssuerRepository, AchievementRepository, ISSUER_READ_MODEL],
      useFactory: (
        issuers: IssuerRepository,
        achievements: AchievementRepository,
        list: IssuerReadModel,
      ): IssuingDirectory => new EventSourcedIssuingDirectory(issuers, achievements, list),
    },
  ],
  exports: [ISSUING_DIRECTORY],
})
export class IssuingDirectoryModule {}

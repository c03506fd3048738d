import { Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@credstream/event-store';
import { MongoConnection } from '@credstream/runtime';
import {
  VERIFIER_DIRECTORY,
  VERIFIER_KEY_MAKER,
  VerifierOrganisationsHandler,
  type VerifierDirectory,
  type VerifierKeyMaker,
} from '@credstream/verification/application';
import { MongoVerifierDirectory, verifierKeyMaker } from '@credstream/verification/infrastructure';
import { VerifierOrganisationsController } from './verifier-organisations.controller';

/** Registered verifier organisations and their API keys; exports the directory that verifications consult. */
@Module({
  controllers: [VerifierOrganisationsController],
  providers: [
    {
      provide: VERIFIER_DIRECTORY,
      inject: [MongoConnection],
      useFactory: (mongo: MongoConnection): VerifierDirectory => new MongoVerifierDirectory(mongo.connection),
    },
    { provide: VERIFIER_KEY_MAKER, useValue: verifierKeyMaker },
    {
      provide: VerifierOrganisationsHandler,
      inject: [EVENT_STORE, VERIFIER_DIRECTORY, VERIFIER_KEY_MAKER],
      useFactory: (store: EventStore, directory: VerifierDirectory, keys: VerifierKeyMaker) =>
        new VerifierOrganisationsHandler(store, directory, keys),
    },
  ],
  exports: [VERIFIER_DIRECTORY],
})
export class VerifierOrganisationsModule {}

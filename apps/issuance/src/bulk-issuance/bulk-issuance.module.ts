import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { BULK_JOB_REPOSITORY, type BulkJobRepository } from '@credstream/issuance/application';
import type { CredentialsConfig } from '../credentials/credentials.config';
import { BulkIssuanceController } from './bulk-issuance.controller';
import { BULK_UPLOAD_LIMITS } from './bulk-upload.limits';

/** Jobs run in the process that accepted them; one left running by a stopped process is marked interrupted. */
@Injectable()
class InterruptedJobsMarker implements OnApplicationBootstrap {
  constructor(@Inject(BULK_JOB_REPOSITORY) private readonly jobs: BulkJobRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.interruptRunning(new Date().toISOString()).catch(() => 0);
  }
}

@Module({})
export class BulkIssuanceModule {
  static register(config: CredentialsConfig): DynamicModule {
    return {
      module: BulkIssuanceModule,
      controllers: [BulkIssuanceController],
      providers: [
        { provide: BULK_UPLOAD_LIMITS, useValue: { maxBytes: config.BULK_MAX_UPLOAD_BYTES } },
        InterruptedJobsMarker,
      ],
    };
  }
}

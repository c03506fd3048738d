import { Module } from '@nestjs/common';
import { CredentialsController } from './credentials.controller';
import { VcApiIssueController } from './vc-api-issue.controller';

/** POST/GET /credentials, revoke/suspend/reinstate, history, and the VC-API issue endpoint. */
@Module({ controllers: [VcApiIssueController, CredentialsController] })
export class CredentialsModule {}

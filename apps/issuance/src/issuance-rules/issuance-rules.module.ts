import { Module } from '@nestjs/common';
import { IssuanceRulesController } from './issuance-rules.controller';
import { PartnerCompletionsConsumer } from './partner-completions.consumer';

@Module({ controllers: [IssuanceRulesController, PartnerCompletionsConsumer] })
export class IssuanceRulesModule {}

import { Catch, Controller, UseFilters } from '@nestjs/common';
import { BaseRpcExceptionFilter, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@credstream/contracts';
import { DomainError } from '@credstream/event-sourcing';
import { PartnerCompletionHandler, type PartnerCompletionEvent } from '@credstream/issuance/application';
import { NonRetriableError } from '@credstream/messaging';

/**
 * learning.completed.v1 → credentials by the tenant's rules. The transport dead-letters schema-invalid events;
 * a completion the rules refuse (bad learner email, archived achievement, …) is dead-lettered with its code here.
 * Other failures are retried; the credential id derived from (rule, learner, course) keeps retries from issuing twice.
 */
/**
 * Nest's own RPC handling for this consumer's errors: the app's global (HTTP) problem filter is inherited by the
 * consumers and cannot answer an event, which would turn a NonRetriableError into a retried TypeError.
 */
@Catch()
class RpcErrorsFilter extends BaseRpcExceptionFilter {}

@Controller()
@UseFilters(RpcErrorsFilter)
export class PartnerCompletionsConsumer {
  constructor(private readonly completions: PartnerCompletionHandler) {}

  @EventPattern('learning.completed.v1')
  async onLearningCompleted(@Payload() event: EventEnvelope): Promise<void> {
    try {
      await this.completions.handle(event as unknown as PartnerCompletionEvent);
    } catch (error) {
      if (error instanceof DomainError) {
        throw new NonRetriableError(`${error.code}: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }
}

import { Catch, Controller, UseFilters } from '@nestjs/common';
import { BaseRpcExceptionFilter, Ctx, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@credstream/contracts';
import { DomainError } from '@credstream/event-sourcing';
import { PartnerCompletionHandler, type PartnerCompletionEvent } from '@credstream/issuance/application';
import {
  EventBatchPattern,
  KafkaEventBatchContext,
  NonRetriableError,
  type EventBatchResult,
} from '@credstream/messaging';

/** Completions handled per call: one claim and one commit per rule for all of them. */
export const PARTNER_COMPLETIONS_PER_BATCH = 500;

/**
 * Nest's own RPC handling for this consumer's errors: the app's global (HTTP) problem filter is inherited by the
 * consumers and cannot answer an event, which would turn a NonRetriableError into a retried TypeError.
 */
@Catch()
class RpcErrorsFilter extends BaseRpcExceptionFilter {}

/**
 * learning.completed.v1 → credentials by the tenant's rules, in batches of consecutive completions. The transport
 * dead-letters schema-invalid events; a completion the rules refuse (bad learner email, archived achievement, …)
 * is reported as failed with its code, and the transport dead-letters it after handling it alone. Other failures
 * are retried; the credential id derived from (rule, learner, course) keeps retries from issuing twice, and
 * offsets are committed only after the batch's credentials are stored.
 */
@Controller()
@UseFilters(RpcErrorsFilter)
export class PartnerCompletionsConsumer {
  constructor(private readonly completions: PartnerCompletionHandler) {}

  @EventBatchPattern('learning.completed.v1', { maxEvents: PARTNER_COMPLETIONS_PER_BATCH })
  async onLearningCompleted(
    @Payload() events: EventEnvelope[],
    @Ctx() context: KafkaEventBatchContext,
  ): Promise<EventBatchResult> {
    const { failures } = await this.completions.handleBatch(
      events.map((event, index) => ({
        event: event as unknown as PartnerCompletionEvent,
        trace: context.traceOf(index),
      })),
    );
    return {
      failures: failures.map(({ index, error }) => ({
        index,
        error:
          error instanceof DomainError
            ? new NonRetriableError(`${error.code}: ${error.message}`, { cause: error })
            : error,
      })),
    };
  }
}

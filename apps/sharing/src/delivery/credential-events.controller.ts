import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@credstream/contracts';
import { DomainError } from '@credstream/event-sourcing';
import { NonRetriableError, type KafkaEventContext } from '@credstream/messaging';
import {
  CredentialStatusHandler,
  DeliverCredentialHandler,
  type CredentialStatusChange,
} from '@credstream/sharing/application';

interface IssuedData {
  credentialId: string;
  recipient: { recipientKey: string };
  recipientEmail?: string;
  recipientName?: string;
  jwt: string;
}

interface StatusData {
  credentialId: string;
  revokedAt?: string;
  suspendedAt?: string;
  reinstatedAt?: string;
  reason?: string;
}

/** Issuance's credential events: deliver new credentials to their recipients; follow revocations and suspensions. */
@Controller()
export class CredentialEventsController {
  constructor(
    @Inject(DeliverCredentialHandler) private readonly deliver: DeliverCredentialHandler,
    @Inject(CredentialStatusHandler) private readonly status: CredentialStatusHandler,
  ) {}

  @EventPattern('credential.issued.v1')
  async onIssued(
    @Payload() event: EventEnvelope<string, IssuedData>,
    @Ctx() _context: KafkaEventContext,
  ): Promise<void> {
    await nonRetriableOnDomainError(() =>
      this.deliver.execute(
        {
          credentialId: event.data.credentialId,
          tenantId: event.tenantId,
          recipientKey: event.data.recipient.recipientKey,
          recipientEmail: event.data.recipientEmail ?? null,
          recipientName: event.data.recipientName ?? null,
          jwt: event.data.jwt,
        },
        contextOf(event),
      ),
    );
  }

  @EventPattern('credential.revoked.v1')
  async onRevoked(
    @Payload() event: EventEnvelope<string, StatusData>,
    @Ctx() _context: KafkaEventContext,
  ): Promise<void> {
    await this.change(event, {
      kind: 'revoked',
      credentialId: event.data.credentialId,
      at: event.data.revokedAt ?? event.occurredAt,
      reason: event.data.reason ?? null,
    });
  }

  @EventPattern('credential.suspended.v1')
  async onSuspended(
    @Payload() event: EventEnvelope<string, StatusData>,
    @Ctx() _context: KafkaEventContext,
  ): Promise<void> {
    await this.change(event, {
      kind: 'suspended',
      credentialId: event.data.credentialId,
      at: event.data.suspendedAt ?? event.occurredAt,
      reason: event.data.reason ?? null,
    });
  }

  @EventPattern('credential.reinstated.v1')
  async onReinstated(
    @Payload() event: EventEnvelope<string, StatusData>,
    @Ctx() _context: KafkaEventContext,
  ): Promise<void> {
    await this.change(event, {
      kind: 'reinstated',
      credentialId: event.data.credentialId,
      at: event.data.reinstatedAt ?? event.occurredAt,
    });
  }

  private async change(event: EventEnvelope, change: CredentialStatusChange): Promise<void> {
    await nonRetriableOnDomainError(() => this.status.execute(change, contextOf(event)));
  }
}

const contextOf = (event: EventEnvelope) => ({ correlationId: event.correlationId, causationId: event.id });

/** A credential the domain refuses (not OB 3.0, ids that disagree) will never succeed: straight to the DLQ. */
async function nonRetriableOnDomainError(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) throw new NonRetriableError(`${error.code}: ${error.message}`, { cause: error });
    throw error;
  }
}

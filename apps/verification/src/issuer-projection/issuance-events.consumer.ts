import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { EventEnvelope } from '@credstream/contracts';
import { IssuanceEventsProjection } from '@credstream/verification/infrastructure';

/**
 * Issuance events into the verification read models: who credstream's issuers are, their keys (rotated ones
 * included), and which credentials were revoked or suspended. A failed write throws, so the consumer retries.
 */
@Controller()
export class IssuanceEventsConsumer {
  constructor(private readonly projection: IssuanceEventsProjection) {}

  @EventPattern('tenant.created.v1')
  async onTenantCreated(event: EventEnvelope): Promise<void> {
    await this.projection.tenantCreated(event);
  }

  @EventPattern('issuer.created.v1')
  async onIssuerCreated(event: EventEnvelope): Promise<void> {
    await this.projection.issuerCreated(event);
  }

  @EventPattern('issuer.key-activated.v1')
  async onKeyActivated(event: EventEnvelope): Promise<void> {
    await this.projection.keyActivated(event);
  }

  @EventPattern('credential.issued.v1')
  async onCredentialIssued(event: EventEnvelope): Promise<void> {
    await this.projection.credentialIssued(event);
  }

  @EventPattern('credential.revoked.v1')
  async onCredentialRevoked(event: EventEnvelope): Promise<void> {
    await this.projection.credentialRevoked(event);
  }

  @EventPattern('credential.suspended.v1')
  async onCredentialSuspended(event: EventEnvelope): Promise<void> {
    await this.projection.credentialSuspended(event);
  }

  @EventPattern('credential.reinstated.v1')
  async onCredentialReinstated(event: EventEnvelope): Promise<void> {
    await this.projection.credentialReinstated(event);
  }
}

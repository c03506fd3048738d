import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@credstream/contracts';
import { ApiKeyProjection } from './api-key.projection';

/** Keeps the service's key directory current from the issuance tenant topic (the service's own consumer group). */
@Controller()
export class ApiKeyProjectionController {
  constructor(private readonly projection: ApiKeyProjection) {}

  @EventPattern('tenant.created.v1')
  async onTenantCreated(@Payload() event: EventEnvelope): Promise<void> {
    await this.projection.apply(event);
  }

  @EventPattern('api-key.created.v1')
  async onApiKeyCreated(@Payload() event: EventEnvelope): Promise<void> {
    await this.projection.apply(event);
  }

  @EventPattern('api-key.revoked.v1')
  async onApiKeyRevoked(@Payload() event: EventEnvelope): Promise<void> {
    await this.projection.apply(event);
  }
}

import type { EventEnvelope } from '@credstream/contracts';
import type { ApiKeyProjection } from '@credstream/access';
import type { TenantEventsProjector } from '@credstream/issuance/application';
import type { Logger } from 'pino';

/**
 * Applies just-appended tenant events to the key directory, so a key works the moment its creation returns.
 * A failure is logged, not thrown: the events are stored, and the Kafka consumer of the same events repairs it.
 */
export class DirectoryTenantEventsProjector implements TenantEventsProjector {
  constructor(
    private readonly projection: ApiKeyProjection,
    private readonly logger: Logger,
  ) {}

  async project(events: readonly EventEnvelope[]): Promise<void> {
    try {
      await this.projection.applyAll(events);
    } catch (error) {
      this.logger.warn({ err: error }, 'key directory not updated on the write path; the consumer will catch up');
    }
  }
}

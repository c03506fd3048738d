import { Inject, Injectable } from '@nestjs/common';
import { LastUseThrottle, MongoApiKeyDirectory, type ApiKeyUsageRecorder } from '@credstream/access';
import { EVENT_STORE, type EventStore } from '@credstream/event-store';
import { RecordApiKeyUseHandler } from '@credstream/issuance/application';
import { correlationId } from '../app/http/command-context';

/**
 * Least time between two `api-key.used` events of a key in its tenant's stream. Coarser than the directory's
 * last use (written at most once a minute): every event makes the tenant stream, read on each key command, longer.
 */
export const USE_EVENT_INTERVAL_MS = 3_600_000;

/**
 * Issuance shows a key's last use from its key directory (at most one write a minute, by the authenticator's
 * throttle) and keeps it in the tenant's stream at most once an hour, so the history has it too.
 */
@Injectable()
export class IssuanceApiKeyUsageRecorder implements ApiKeyUsageRecorder {
  private readonly handler: RecordApiKeyUseHandler;
  private readonly streamThrottle = new LastUseThrottle(USE_EVENT_INTERVAL_MS);

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly directory: MongoApiKeyDirectory,
  ) {
    this.handler = new RecordApiKeyUseHandler(store, USE_EVENT_INTERVAL_MS);
  }

  async recordUse(key: { keyId: string; tenantId: string }, usedAt: Date): Promise<void> {
    await this.directory.recordUse(key, usedAt);
    if (this.streamThrottle.shouldRecord(key.keyId, usedAt.getTime())) {
      await this.handler.execute(key, usedAt, correlationId());
    }
  }
}

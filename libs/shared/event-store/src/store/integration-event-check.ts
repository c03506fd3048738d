import { contractFor, EventEnvelope, validateEvent } from '@credstream/contracts';
import { InvalidEvent, InvalidEventError } from '../errors/invalid-event.error';

/**
 * Events of a type in the contracts catalogue are integration events and must satisfy their contract
 * before they are stored, because the relay publishes them as they are. Other types are internal to the
 * service: stored, never published.
 */
export function assertIntegrationEventsValid(streamId: string, envelopes: readonly EventEnvelope[]): void {
  const invalid: InvalidEvent[] = [];
  for (const envelope of envelopes) {
    if (!contractFor(envelope.type)) continue;
    const result = validateEvent(envelope);
    if (!result.valid) {
      invalid.push({ type: envelope.type, aggregateVersion: envelope.aggregateVersion, problems: result.problems });
    }
  }
  if (invalid.length > 0) throw new InvalidEventError(streamId, invalid);
}

import { EventEnvelope, validateEvent } from '@credstream/contracts';

export type RejectionReason = 'undecodable' | 'invalid';

export type DecodedMessage =
  | { kind: 'event'; event: EventEnvelope }
  | { kind: 'ignored'; type: string }
  | { kind: 'rejected'; reason: RejectionReason; type: string; error: string };

const UNKNOWN_TYPE = 'unknown';

/**
 * Turns a Kafka record value into a valid event for this consumer, an event it does not handle
 * (other consumers of the topic do), or a rejection: bytes that are not a JSON object, or an event that
 * breaks its contract. Types this consumer does not handle are ignored before validation; their
 * validity is their own consumers' business.
 */
export function decodeEventMessage(
  value: Buffer | null,
  contractTopic: string,
  handles: (type: string) => boolean,
): DecodedMessage {
  let candidate: unknown;
  try {
    candidate = value === null ? null : JSON.parse(value.toString('utf8'));
  } catch (error) {
    return {
      kind: 'rejected',
      reason: 'undecodable',
      type: UNKNOWN_TYPE,
      error: `not JSON: ${(error as Error).message}`,
    };
  }
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return { kind: 'rejected', reason: 'undecodable', type: UNKNOWN_TYPE, error: 'value is not a JSON object' };
  }
  const type = (candidate as { type?: unknown }).type;
  if (typeof type === 'string' && !handles(type)) return { kind: 'ignored', type };
  const validation = validateEvent(candidate, { topic: contractTopic });
  if (!validation.valid) {
    return {
      kind: 'rejected',
      reason: 'invalid',
      type: typeof type === 'string' ? type : UNKNOWN_TYPE,
      error: JSON.stringify(validation.problems),
    };
  }
  return { kind: 'event', event: validation.event };
}

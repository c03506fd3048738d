/** Headers a dead-lettered record carries besides its original ones. */
export const DEAD_LETTER_HEADERS = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  /** undecodable | invalid | non-retriable | retries-exhausted */
  reason: 'dlq-reason',
  /** validation problems as JSON, or the handler's last error */
  error: 'dlq-error',
  /** handler attempts made; 0 when the message never reached a handler */
  attempts: 'dlq-attempts',
  /** ISO-8601 UTC */
  failedAt: 'dlq-failed-at',
} as const;

export type DeadLetterReason = 'undecodable' | 'invalid' | 'non-retriable' | 'retries-exhausted';

export function deadLetterTopicFor(groupId: string): string {
  return `${groupId}.dlq`;
}

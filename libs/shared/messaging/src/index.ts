export * from './dead-letter/dead-letter.headers';
export * from './dead-letter/dead-letter.publisher';
export * from './decoding/event-message.decoder';
export * from './errors/kafka-event-error.filter';
export * from './errors/non-retriable.error';
export * from './idempotency/processed-event.ledger';
export * from './idempotency/versioned-projection';
export * from './metrics/consumer.metrics';
export * from './replay/replay-topic';
export * from './retry/retry-policy';
export * from './server/event-batch-pattern';
export * from './server/kafka-event.context';
export * from './server/kafka-event.server';
export * from './server/kafka-event-server.options';
export {
  CONSUMER_TRACER,
  inConsumerSpan,
  markSpanFailed,
  startRecordSpan,
  type ConsumedEvent,
  type ConsumedRecord,
} from './tracing/consumer-span';

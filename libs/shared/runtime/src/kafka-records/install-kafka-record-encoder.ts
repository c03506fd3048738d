import { kafkaRecordEncoder, type KafkaEncoderClass, type KafkaRecordEncoder } from './kafka-record.encoder';

/** The kafkajs release whose record encoding `kafkaRecordEncoder` reproduces byte for byte (see its spec). */
export const SUPPORTED_KAFKAJS_VERSION = '2.2.4';

const RECORD_MODULE = 'kafkajs/src/protocol/recordBatch/record/v0';
const ENCODER_MODULE = 'kafkajs/src/protocol/encoder';
/** The only kafkajs module that loads the record encoder; once it is loaded, it holds the stock one for good. */
const PRODUCE_REQUEST_MODULE = 'kafkajs/src/protocol/requests/produce/v3/request';

export type RecordEncoderInstall =
  | { installed: true }
  | { installed: false; reason: 'unsupported-kafkajs' | 'produce-already-loaded' | 'module-not-found'; detail: string };

// Node's own require, also inside a webpack bundle (kafkajs stays an external there, loaded by this very require).
declare const __non_webpack_require__: NodeJS.Require | undefined;
const nodeRequire: NodeJS.Require = typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;

const installed = new WeakSet<object>();

/**
 * Makes kafkajs produce through {@link kafkaRecordEncoder}: the record encoder module's cached exports are replaced
 * before kafkajs's produce request loads it (it loads lazily, on the first send). Only for the kafkajs version the
 * encoder was checked against; otherwise kafkajs keeps its own and the reason is returned. Idempotent, per module
 * registry (each worker thread has its own).
 */
export function installKafkaRecordEncoder(): RecordEncoderInstall {
  let recordPath: string;
  let produceRequestPath: string;
  let version: string;
  try {
    recordPath = nodeRequire.resolve(RECORD_MODULE);
    produceRequestPath = nodeRequire.resolve(PRODUCE_REQUEST_MODULE);
    version = (nodeRequire('kafkajs/package.json') as { version: string }).version;
  } catch (error) {
    return { installed: false, reason: 'module-not-found', detail: (error as Error).message };
  }
  if (version !== SUPPORTED_KAFKAJS_VERSION) {
    return { installed: false, reason: 'unsupported-kafkajs', detail: `kafkajs ${version}` };
  }
  const current = nodeRequire(recordPath) as KafkaRecordEncoder;
  if (installed.has(current)) return { installed: true };
  if (nodeRequire.cache[produceRequestPath] !== undefined) {
    return {
      installed: false,
      reason: 'produce-already-loaded',
      detail: 'a Kafka producer sent before the record encoder was installed',
    };
  }
  const Encoder = nodeRequire(ENCODER_MODULE) as KafkaEncoderClass;
  const entry = nodeRequire.cache[recordPath];
  if (entry === undefined) return { installed: false, reason: 'module-not-found', detail: recordPath };
  const encoder = kafkaRecordEncoder(current, Encoder);
  installed.add(encoder);
  entry.exports = encoder;
  return { installed: true };
}

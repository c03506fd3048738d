import { KafkaConfig, logLevel, LogEntry, SASLOptions } from 'kafkajs';
import type { Logger } from 'pino';
import type { KafkaConfig as KafkaSettings } from '@credstream/config';
import { installKafkaRecordEncoder } from '../kafka-records/install-kafka-record-encoder';

/**
 * The kafkajs client settings of a service, from its validated configuration. Its own entry point
 * (`@credstream/runtime/kafka-client`) so that worker threads can use it without loading Nest.
 */
export function kafkaClientConfig(settings: KafkaSettings, clientId: string, logger: Logger): KafkaConfig {
  useOwnRecordEncoder(logger);
  return {
    clientId,
    brokers: settings.KAFKA_BROKERS,
    ssl: settings.KAFKA_SSL,
    sasl: saslOptions(settings),
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => forwardToPino(logger.child({ component: 'kafkajs' }), entry),
  };
}

let recordEncoderChecked = false;

/** Before the first client of this thread sends: kafkajs then encodes records with ours (ADR 4, session-8 amendment). */
function useOwnRecordEncoder(logger: Logger): void {
  if (recordEncoderChecked) return;
  recordEncoderChecked = true;
  const install = installKafkaRecordEncoder();
  if (!install.installed) {
    logger.warn({ reason: install.reason, detail: install.detail }, 'kafkajs keeps its own record encoder');
  }
}

function saslOptions(settings: KafkaSettings): SASLOptions | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = settings;
  if (!mechanism || !username || !password) return undefined;
  return { mechanism, username, password } as SASLOptions;
}

function forwardToPino(logger: Logger, { level, log }: LogEntry): void {
  const { message, ...fields } = log;
  if (level === logLevel.ERROR) logger.error(fields, message);
  else if (level === logLevel.WARN) logger.warn(fields, message);
  else if (level === logLevel.INFO) logger.info(fields, message);
  else logger.debug(fields, message);
}

import { trace } from '@opentelemetry/api';
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { currentRequestContext } from '../context/request-context';

export interface LoggerSettings {
  serviceName: string;
  level: LoggerOptions['level'];
  destination?: DestinationStream;
}

/**
 * Structured JSON logs. Every line carries the service, and when known the trace id,
 * correlation id and tenant id, so one request can be followed across services.
 */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      censor: '[redacted]',
    },
    mixin: correlationFields,
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

function correlationFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext) {
    fields['trace_id'] = spanContext.traceId;
    fields['span_id'] = spanContext.spanId;
  }
  const context = currentRequestContext();
  if (context?.correlationId) fields['correlation_id'] = context.correlationId;
  if (context?.tenantId) fields['tenant_id'] = context.tenantId;
  return fields;
}

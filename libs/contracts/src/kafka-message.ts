import { EVENT_CONTENT_TYPE, EVENT_HEADERS, EventEnvelope } from './envelope';

/** The wire form of an event: key = aggregate id, value = the JSON envelope, headers for routing and tracing. */
export interface KafkaEventMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export function toKafkaMessage(event: EventEnvelope): KafkaEventMessage {
  return toKafkaMessageOfJson(event, JSON.stringify(event));
}

/** The same, when the caller already has the envelope's JSON text (`JSON.stringify(event)`, byte for byte). */
export function toKafkaMessageOfJson(event: EventEnvelope, json: string): KafkaEventMessage {
  const headers: Record<string, string> = {
    [EVENT_HEADERS.id]: event.id,
    [EVENT_HEADERS.type]: event.type,
    [EVENT_HEADERS.source]: event.source,
    [EVENT_HEADERS.contentType]: EVENT_CONTENT_TYPE,
  };
  if (event.traceparent) headers[EVENT_HEADERS.traceparent] = event.traceparent;
  if (event.tracestate) headers[EVENT_HEADERS.tracestate] = event.tracestate;
  return { key: event.aggregateId, value: json, headers };
}

/** Header values as kafkajs delivers them: Buffer, string, arrays of those, or undefined. */
export type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

export function headerText(headers: RawHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

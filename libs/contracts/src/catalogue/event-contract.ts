import type { Topic } from '../topics';

/** A JSON Schema (draft-07) object, kept as plain data so it can be published (AsyncAPI) and compiled (ajv). */
export type JsonSchema = Record<string, unknown>;

/** Who may produce an event type: one credstream service, or outside partner systems. */
export type EventSource = 'issuance' | 'verification' | 'sharing' | 'analytics' | 'partner';

/** One versioned integration event: its type, where it travels, and the shape of its `data`. */
export interface EventContract {
  type: string;
  topic: Topic;
  source: EventSource;
  aggregateType: string;
  summary: string;
  dataSchema: JsonSchema;
  /** A valid `data` payload, used in docs/events.md, the AsyncAPI document and the contract tests. */
  example: Record<string, unknown>;
}

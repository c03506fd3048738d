import type { Message, TopicMessages } from 'kafkajs';

export interface OutgoingMessage {
  topic: string;
  message: Message & { key: string; value: string };
}

export interface ChunkLimits {
  maxMessages: number;
  /** Approximate: key + value + headers. Keeps each request under the broker's `message.max.bytes`. */
  maxBytes: number;
}

/**
 * Splits messages into `sendBatch` payloads within the limits, keeping their order: within a topic the
 * messages of one chunk keep the input order, and chunks are sent one after the other.
 */
export function toSendChunks(messages: readonly OutgoingMessage[], limits: ChunkLimits): TopicMessages[][] {
  const chunks: TopicMessages[][] = [];
  let current = new Map<string, Message[]>();
  let count = 0;
  let bytes = 0;
  const flush = (): void => {
    if (count === 0) return;
    chunks.push([...current].map(([topic, topicMessages]) => ({ topic, messages: topicMessages })));
    current = new Map();
    count = 0;
    bytes = 0;
  };
  for (const { topic, message } of messages) {
    const size = sizeOf(message);
    if (count > 0 && (count >= limits.maxMessages || bytes + size > limits.maxBytes)) flush();
    const list = current.get(topic) ?? [];
    list.push(message);
    current.set(topic, list);
    count += 1;
    bytes += size;
  }
  flush();
  return chunks;
}

function sizeOf(message: OutgoingMessage['message']): number {
  let size = Buffer.byteLength(message.key) + Buffer.byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    size += Buffer.byteLength(name) + (typeof value === 'string' ? Buffer.byteLength(value) : 64);
  }
  return size;
}

import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, EachMessageHandler, Kafka } from 'kafkajs';
import { EventEnvelope, validateEvent } from '@credstream/contracts';

export interface ReplayOptions {
  kafka: Kafka;
  topics: string[];
  /** Applies one event to the fresh projection; a rejection aborts the replay. */
  handler: (event: EventEnvelope) => Promise<void>;
  /** Default `replay.<uuid>`; deleted again at the end unless `keepGroup`. */
  groupId?: string;
  keepGroup?: boolean;
  /** Catalogue topic to validate placement against, for topics that stand in for one (tests, partner copies). */
  contractTopicOf?: (topic: string) => string | undefined;
}

export interface ReplayResult {
  /** Events handed to the handler. */
  handled: number;
  /** Records that were not a valid event; skipped (the live consumer dead-lettered them). */
  invalid: number;
  /** High watermarks taken at the start, `topic` -> `partition` -> offset: the end of the replay. */
  endOffsets: Record<string, Record<number, string>>;
}

type Progress = Map<string, bigint>;

/**
 * Re-reads topics from their beginning with a fresh consumer group, into a fresh projection, and stops
 * once every partition reached the high watermark it had when the replay started. Events appended
 * meanwhile are left to the live consumer.
 */
export async function replayTopic(options: ReplayOptions): Promise<ReplayResult> {
  const { kafka, topics } = options;
  const groupId = options.groupId ?? `replay.${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const endOffsets = await highWatermarks(admin, topics);
    const remaining = remainingPartitions(endOffsets);
    const result: ReplayResult = { handled: 0, invalid: 0, endOffsets: toPlain(endOffsets) };
    if (remaining.size === 0) return result;
    try {
      await consumeUntil(kafka.consumer({ groupId }), options, remaining, result);
    } finally {
      if (!options.keepGroup) await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return result;
  } finally {
    await admin.disconnect();
  }
}

async function consumeUntil(
  consumer: Consumer,
  options: ReplayOptions,
  remaining: Progress,
  result: ReplayResult,
): Promise<void> {
  await consumer.connect();
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error === undefined) resolve();
        else reject(error);
      };
      const eachMessage: EachMessageHandler = async ({ topic, partition, message }) => {
        const key = `${topic}:${partition}`;
        const end = remaining.get(key);
        if (settled || end === undefined || BigInt(message.offset) >= end) return;
        try {
          await replayOne(options, topic, message.value, result);
        } catch (error) {
          settle(error);
          return;
        }
        if (BigInt(message.offset) + 1n >= end) remaining.delete(key);
        if (remaining.size === 0) settle();
      };
      consumer
        .subscribe({ topics: options.topics, fromBeginning: true })
        .then(() => consumer.run({ eachMessage }))
        .catch(settle);
    });
  } finally {
    await consumer.disconnect();
  }
}

async function replayOne(
  options: ReplayOptions,
  topic: string,
  value: Buffer | null,
  result: ReplayResult,
): Promise<void> {
  const event = decode(value, options.contractTopicOf?.(topic) ?? topic);
  if (!event) {
    result.invalid++;
    return;
  }
  await options.handler(event);
  result.handled++;
}

function decode(value: Buffer | null, contractTopic: string): EventEnvelope | undefined {
  if (value === null) return undefined;
  try {
    const validation = validateEvent(JSON.parse(value.toString('utf8')), { topic: contractTopic });
    return validation.valid ? validation.event : undefined;
  } catch {
    return undefined;
  }
}

async function highWatermarks(admin: Admin, topics: string[]): Promise<Map<string, { low: bigint; high: bigint }>> {
  const ends = new Map<string, { low: bigint; high: bigint }>();
  for (const topic of topics) {
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      ends.set(`${topic}:${partition}`, { low: BigInt(low), high: BigInt(high) });
    }
  }
  return ends;
}

function remainingPartitions(ends: Map<string, { low: bigint; high: bigint }>): Progress {
  const remaining: Progress = new Map();
  for (const [key, { low, high }] of ends) if (high > low) remaining.set(key, high);
  return remaining;
}

function toPlain(ends: Map<string, { high: bigint }>): ReplayResult['endOffsets'] {
  const plain: ReplayResult['endOffsets'] = {};
  for (const [key, { high }] of ends) {
    const separator = key.lastIndexOf(':');
    const topic = key.slice(0, separator);
    (plain[topic] ??= {})[Number(key.slice(separator + 1))] = high.toString();
  }
  return plain;
}

import type { EventEnvelope } from '@credstream/contracts';
import { v7 as uuidv7 } from 'uuid';
import { BATCH_STREAM_PREFIX, CommitDocument, GAP_STREAM_PREFIX } from '../commits/commit-document';
import { CommitLog, failedInsertIndex, isDuplicateKeyError } from '../commits/commit-log';
import { StreamVersionConflictError } from '../errors/stream-version-conflict.error';
import { TooManyEventsError } from '../errors/too-many-events.error';
import type { AppendMetadata } from './append-metadata';
import { Clock, toStoredEnvelopes } from './envelope-factory';
import type { PublishableEvents } from '../commits/recent-commits';
import type { AppendResult, NewStreamEntry } from './event-store';
import { assertIntegrationEventsValid } from './integration-event-check';
import type { StreamReader } from './stream-reader';

export interface NewStreamsDependencies {
  commits: CommitLog;
  reader: StreamReader;
  clock: Clock;
  maxEvents: number;
  insertAtNextPosition(commit: Omit<CommitDocument, 'position'>, events?: PublishableEvents): Promise<boolean>;
}

/**
 * `appendToNewStreams`: reserve every stream's versions 1..n (one small document per stream, under the same
 * unique index as ordinary commits, so an existing stream or a racing creator makes the reservation fail),
 * then insert the batch commit holding all events. The batch commit is the atomic commit point: readers
 * ignore reservations whose batch commit does not exist, and the relay only ever sees the batch commit.
 */
export async function appendNewStreams(
  entries: readonly NewStreamEntry[],
  metadata: Omit<AppendMetadata, 'aggregateId'>,
  dependencies: NewStreamsDependencies,
): Promise<AppendResult[]> {
  if (entries.length === 0) return [];
  assertDistinctNewStreams(entries);
  const total = entries.reduce((sum, entry) => sum + entry.events.length, 0);
  if (total > dependencies.maxEvents) {
    throw new TooManyEventsError(`${entries.length} new streams`, total, dependencies.maxEvents);
  }
  const { clock } = dependencies;
  const streams: NewStream[] = entries.map(({ streamId, events, aggregateId, cause }) => {
    const streamMetadata = { ...metadata, ...definedOnly(cause), aggregateId: aggregateId ?? streamId };
    const { envelopes, json, eventJson } = toStoredEnvelopes(streamId, 1, events, streamMetadata, clock);
    assertIntegrationEventsValid(streamId, envelopes);
    return { streamId, envelopes, json, eventJson };
  });
  const batch = uuidv7();
  const committedAt = clock();
  await reserve(streams, batch, committedAt, dependencies);
  await dependencies.insertAtNextPosition(
    {
      streamId: `${BATCH_STREAM_PREFIX}${batch}`,
      fromVersion: 1,
      toVersion: total,
      batch,
      streams: streams.map(({ streamId }) => streamId),
      streamEvents: streams.map(({ json }) => json),
      committedAt,
    },
    {
      envelopes: streams.flatMap(({ envelopes }) => envelopes),
      json: streams.flatMap(({ eventJson }) => eventJson),
    },
  );
  dependencies.reader.rememberCommittedBatch(batch);
  for (const { streamId, envelopes } of streams) dependencies.reader.rememberEnd(streamId, envelopes.length);
  return streams.map(({ streamId, envelopes }) => ({ streamId, version: envelopes.length, events: envelopes }));
}

interface NewStream {
  streamId: string;
  envelopes: EventEnvelope[];
  json: string;
  eventJson: string[];
}

async function reserve(
  streams: readonly NewStream[],
  batch: string,
  committedAt: Date,
  { commits, reader }: NewStreamsDependencies,
): Promise<void> {
  try {
    await commits.insertReservations(
      streams.map(({ streamId, envelopes }, index) => ({
        streamId,
        fromVersion: 1,
        toVersion: envelopes.length,
        position: `${batch}:${index}`,
        batch,
        committedAt,
      })),
    );
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await commits.deleteReservations(batch);
    const streamId = (streams[failedInsertIndex(error) ?? 0] ?? streams[0])?.streamId ?? '';
    throw new StreamVersionConflictError(streamId, 'no-stream', await reader.head(streamId));
  }
}

function assertDistinctNewStreams(entries: readonly NewStreamEntry[]): void {
  const seen = new Set<string>();
  for (const { streamId, events } of entries) {
    if (seen.has(streamId)) throw new RangeError(`stream ${streamId} appears twice in one appendToNewStreams`);
    if (events.length === 0) throw new RangeError(`new stream ${streamId} has no events`);
    if (streamId.startsWith(GAP_STREAM_PREFIX) || streamId.startsWith(BATCH_STREAM_PREFIX)) {
      throw new RangeError(`stream id ${streamId} uses a reserved prefix`);
    }
    seen.add(streamId);
  }
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, field]) => field !== undefined)) as Partial<T>;
}

import type { EventEnvelope } from '@credstream/contracts';
import type { mongo } from 'mongoose';
import { isPacked, streamTextsOf, textOf, type EventText } from './packed-text';

/**
 * Positions are grouped for the relay's reads: a commit at position p has `bucket = floor(p / BUCKET_SIZE)`
 * and `block = floor(p / BLOCK_SIZE)`. FerretDB pushes only top-level equality down, so the relay reads
 * "the next positions" as `{bucket: b}` when it keeps up and `{block: k}` when it drains a backlog.
 */
export const BUCKET_SIZE = 64;
export const BLOCK_SIZE = 1024;

/**
 * One append = one document, so an append is atomic without transactions. Versions are 1-based and
 * contiguous per stream: `events[i].aggregateVersion === fromVersion + i`, `toVersion` is the last one.
 *
 * Four kinds share the collection (and its unique indexes):
 * - a commit of one stream: `streamId`, `position` (global, unique, from the position counter), `events`;
 * - a batch commit (`appendToNewStreams`): `streamId = '$batch:<batch>'`, `position`, and per stream its id in
 *   `streams[i]` and its events in `streamEvents[i]`;
 * - a reservation of a stream created by a batch commit: `streamId`, versions, `batch`, no events; it makes
 *   the stream's versions unique against ordinary commits and is valid only once its batch commit exists;
 * - a gap (`streamId = '$gap:<position>'`): a position that was allocated but never committed in time,
 *   closed by the relay (or by an appender that gave up) so that the relay can move past it.
 *
 * Events are stored as JSON text: what the relay publishes is text anyway, and FerretDB converts every
 * nested field between BSON and PostgreSQL jsonb, which made reading structured events ~4× slower. Large texts
 * (batches) are stored deflated (`packed-text.ts`); readers take either.
 */
export interface CommitDocument {
  _id?: mongo.ObjectId;
  streamId: string;
  fromVersion: number;
  toVersion: number;
  /** A number for commits, batch commits and gaps; `'<batch>:<index>'` for reservations (keeps it unique). */
  position: number | string;
  bucket?: number;
  block?: number;
  /** JSON `EventEnvelope[]` of a single-stream commit; deflated (BSON binary) when large. */
  events?: EventText;
  /** Batch commits and reservations. */
  batch?: string;
  /** Batch commits: the new streams, and each stream's JSON `EventEnvelope[]` at the same index. */
  streams?: string[];
  streamEvents?: string[];
  /** Instead of `streamEvents` when they are large: their texts joined by newlines, deflated. */
  packedStreamEvents?: EventText;
  committedAt: Date;
}

/** A commit as read back: it always has its `_id`. */
export type StoredCommit = CommitDocument & { _id: mongo.ObjectId };

export const GAP_STREAM_PREFIX = '$gap:';
export const BATCH_STREAM_PREFIX = '$batch:';

export const bucketOf = (position: number): number => Math.floor(position / BUCKET_SIZE);
export const blockOf = (position: number): number => Math.floor(position / BLOCK_SIZE);

export function isGap(commit: CommitDocument): boolean {
  return commit.streamId.startsWith(GAP_STREAM_PREFIX);
}

export function isReservation(commit: CommitDocument): boolean {
  return commit.batch !== undefined && commit.streams === undefined;
}

/** Every event of a commit, batch commits included, in stream then version order. */
export function eventsOf(commit: CommitDocument): EventEnvelope[] {
  const streamTexts = streamTextsOf(commit);
  if (streamTexts) return streamTexts.flatMap((json) => JSON.parse(json) as EventEnvelope[]);
  return parseEvents(commit.events as LegacyEvents);
}

/** The events of one stream in a batch commit. */
export function streamEventsOf(batchCommit: CommitDocument, streamId: string): EventEnvelope[] {
  const index = batchCommit.streams?.indexOf(streamId) ?? -1;
  return index < 0 ? [] : parseEvents(streamTextsOf(batchCommit)?.[index]);
}

type LegacyEvents = EventText | EventEnvelope[] | undefined;

/** Tolerates commits written before events were stored as text (an array of envelopes). */
function parseEvents(events: LegacyEvents): EventEnvelope[] {
  if (events === undefined) return [];
  if (typeof events === 'string' || isPacked(events)) return JSON.parse(textOf(events)) as EventEnvelope[];
  return events;
}

import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import { mongo } from 'mongoose';
import type { CommitDocument } from './commit-document';

/**
 * Commits whose event text reaches this many characters are stored deflated (a batch of views, verifications or
 * bulk-issued credentials); ordinary commits stay plain text. Measured on FerretDB 1.24 + PostgreSQL with a
 * 625 kB commit of 1 000 page views: plain, ~24 ms of CPU across Node, FerretDB and PostgreSQL and ~20 ms to insert;
 * deflated (90 kB, 3 ms to deflate), ~8 ms of CPU and ~5 ms.
 */
export const PACK_MIN_CHARS = 16 * 1024;

const deflate = promisify(deflateRaw);

/** BSON binary as the driver returns it (duck-typed: the driver's and a test's copies of bson may differ). */
interface BinaryLike {
  _bsontype: 'Binary';
  buffer: Uint8Array;
}

export type EventText = string | BinaryLike;

/**
 * The commit as stored: `events` deflated when large, and a batch commit's `streamEvents` deflated together (texts
 * joined by a newline, which JSON text never holds raw) into `packedStreamEvents`. Deflating runs on libuv's thread
 * pool, not the event loop. The commit passed in is not changed.
 */
export async function packedForStorage(
  commit: Omit<CommitDocument, 'position'>,
): Promise<Omit<CommitDocument, 'position'>> {
  if (typeof commit.events === 'string' && commit.events.length >= PACK_MIN_CHARS) {
    return { ...commit, events: await pack(commit.events) };
  }
  if (commit.streamEvents && totalLength(commit.streamEvents) >= PACK_MIN_CHARS) {
    const { streamEvents, ...rest } = commit;
    return { ...rest, packedStreamEvents: await pack(streamEvents.join('\n')) };
  }
  return commit;
}

/** The text of a commit's `events`, whether stored plain or deflated. */
export function textOf(events: EventText): string {
  return typeof events === 'string' ? events : unpack(events);
}

/** A batch commit's per-stream texts, whether stored plain or deflated. */
export function streamTextsOf(commit: CommitDocument): readonly string[] | undefined {
  if (commit.packedStreamEvents) return unpack(commit.packedStreamEvents as BinaryLike).split('\n');
  return commit.streamEvents;
}

export function isPacked(value: unknown): value is BinaryLike {
  return typeof value === 'object' && value !== null && (value as { _bsontype?: unknown })._bsontype === 'Binary';
}

async function pack(text: string): Promise<BinaryLike> {
  return new mongo.Binary(await deflate(Buffer.from(text, 'utf8'), { level: 1 })) as unknown as BinaryLike;
}

function unpack({ buffer }: BinaryLike): string {
  return inflateRawSync(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength)).toString('utf8');
}

function totalLength(texts: readonly string[]): number {
  let length = 0;
  for (const text of texts) length += text.length;
  return length;
}

import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { ErasureList } from '../erasure-list';
import { projectRecords } from './project-records';
import type { DecoderReply, DecoderRequest, DecoderWorkerData } from './projection-decoder.protocol';

/**
 * The analytics projection's decoding thread: parses, validates and flattens fetched batches into TabSeparated rows
 * while the main thread fetches the next ones. It keeps its own copy of the erasure list, in step with the batches.
 */
const port = parentPort;
if (port === null) throw new Error('projection-decoder.worker runs only as a worker thread');

const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
const erasures = new ErasureList();
erasures.load((workerData as DecoderWorkerData).erasedHashes);

port.on('message', (request: DecoderRequest) => {
  let reply: DecoderReply;
  try {
    reply = { kind: 'projected', id: request.id, ...projectRecords(request.records, erasures, sha256Hex) };
  } catch (error) {
    reply = { kind: 'failed', id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, reply.kind === 'projected' ? [reply.rows.buffer as ArrayBuffer] : []);
});
port.postMessage({ kind: 'ready' } satisfies DecoderReply);

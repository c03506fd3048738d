import { parentPort } from 'node:worker_threads';
import { compactJws, compactJwsScratchBytes, jwsSignature } from '../key-signature';
import type { SignReply, SignRequest } from './signing-thread.protocol';

/**
 * Signs bulk batches of VC-JWTs beside the main thread (ADR 6, session-9 amendment): base64url of each payload, the
 * signature, the compact JWS. Keys arrive with each batch as KeyObjects (cloned in memory, never exported).
 */
const port = parentPort;
if (port === null) throw new Error('vc-jwt-signing.worker runs only as a worker thread');

/** Largest scratch buffer the thread keeps; a bigger credential gets a buffer of its own. */
const MAX_SCRATCH_BYTES = 2 << 20;
let scratch = Buffer.allocUnsafe(64 * 1024);

function scratchFor(bytes: number): Buffer {
  if (bytes <= scratch.length) return scratch;
  if (bytes > MAX_SCRATCH_BYTES) return Buffer.allocUnsafe(bytes);
  scratch = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(bytes)));
  return scratch;
}

function signBatch({ alg, privateKey, encodedHeader, payloads }: SignRequest): string[] {
  const sign = (data: Uint8Array) => jwsSignature(alg, privateKey, data);
  return payloads.map((payload) =>
    compactJws(encodedHeader, payload, sign, scratchFor(compactJwsScratchBytes(encodedHeader, payload))),
  );
}

port.on('message', (request: SignRequest) => {
  let reply: SignReply;
  try {
    reply = { kind: 'signed', id: request.id, jwts: signBatch(request) };
  } catch (error) {
    reply = { kind: 'failed', id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ kind: 'ready' } satisfies SignReply);

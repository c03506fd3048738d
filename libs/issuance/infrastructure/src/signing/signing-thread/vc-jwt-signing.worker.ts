import { parentPort } from 'node:worker_threads';
import { compactJws, JwsScratch, jwsSignature } from '../key-signature';
import type { SignReply, SignRequest } from './signing-thread.protocol';

/**
 * Signs bulk batches of VC-JWTs beside the main thread (ADR 6, session-9 amendment): base64url of each payload, the
 * signature, the compact JWS. Keys arrive with each batch as KeyObjects (cloned in memory, never exported).
 */
const port = parentPort;
if (port === null) throw new Error('vc-jwt-signing.worker runs only as a worker thread');

/** Kept up to 2 MB; a bigger credential gets a buffer of its own. */
const scratch = new JwsScratch(64 * 1024, 2 << 20);

function signBatch({ alg, privateKey, encodedHeader, payloads }: SignRequest): string[] {
  const sign = (data: Uint8Array) => jwsSignature(alg, privateKey, data);
  return payloads.map((payload) => compactJws(encodedHeader, payload, sign, scratch));
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

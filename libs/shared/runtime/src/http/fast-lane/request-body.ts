import { HttpStatus } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ProblemException } from '../problem.exception';

/**
 * The request body, up to `limitBytes` (413 PAYLOAD_TOO_LARGE beyond it, as the Nest pipeline answers). A body over
 * the limit is drained unread, so the connection stays usable.
 */
export function readRequestBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (declared > limitBytes) {
    request.resume();
    return Promise.reject(payloadTooLarge(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      request.removeListener('data', onData).removeListener('end', onEnd).resume();
      reject(payloadTooLarge(limitBytes));
    };
    const onEnd = () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    request.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

/** The body as JSON, or 400 MALFORMED_BODY (the code the Nest pipeline gives malformed JSON). */
export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new ProblemException(
      HttpStatus.BAD_REQUEST,
      'MALFORMED_BODY',
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}

export function isJsonRequest(request: IncomingMessage): boolean {
  const type = request.headers['content-type'];
  if (!type) return false;
  return type.split(';', 1)[0].trim().toLowerCase() === 'application/json';
}

function payloadTooLarge(limitBytes: number): ProblemException {
  return new ProblemException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'PAYLOAD_TOO_LARGE',
    `The request body is too large (at most ${limitBytes} bytes).`,
  );
}

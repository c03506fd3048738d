import type { Request } from 'express';
import { ProblemException } from '@credstream/runtime';

/** Reads a raw request body up to `maxBytes`: 413 BULK_UPLOAD_TOO_LARGE beyond it (the rest is not read). */
export async function readRawBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      request.unpipe();
      request.resume();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): ProblemException {
  return new ProblemException(413, 'BULK_UPLOAD_TOO_LARGE', `an upload may have at most ${maxBytes} bytes`, [
    { field: 'file', message: `larger than ${maxBytes} bytes` },
  ]);
}

import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@credstream/runtime';
import type { CredentialInput } from '@credstream/verification/domain';
import { assertNotTooLarge } from './verification-runner';
import { VERIFY_REQUEST_INVALID } from './verify-request';

/** The part of a multer file we use (memory storage). */
export interface UploadedImage {
  buffer: Buffer;
  size: number;
  mimetype?: string;
}

export const IMAGE_TYPE_UNSUPPORTED = 'IMAGE_TYPE_UNSUPPORTED';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What an upload holds, by its bytes rather than the client's word: a PNG, an SVG, or a text file with a token or
 * JSON credential (a `.jwt` file). Anything else is a 415.
 */
export function uploadedCredentialInput(file: UploadedImage | undefined, credential?: string): CredentialInput {
  if (!file) {
    if (credential === undefined) {
      throw new ProblemException(
        HttpStatus.BAD_REQUEST,
        VERIFY_REQUEST_INVALID,
        'The upload has neither a `file` nor a `credential` field.',
        [{ field: 'file', message: 'is required' }],
      );
    }
    assertNotTooLarge(credential);
    return { kind: 'text', text: credential };
  }
  const bytes = file.buffer;
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return { kind: 'baked-image', mediaType: 'image/png', bytes };
  }
  const text = readableText(bytes);
  if (text !== undefined && /<svg[\s>]/i.test(text.slice(0, 4096))) {
    return { kind: 'baked-image', mediaType: 'image/svg+xml', bytes };
  }
  if (text !== undefined) {
    assertNotTooLarge(text);
    return { kind: 'text', text };
  }
  throw new ProblemException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    IMAGE_TYPE_UNSUPPORTED,
    'The file is neither a PNG, an SVG nor a text file with a credential.',
    [{ field: 'file', message: 'must be a baked PNG or SVG badge, or a credential as text' }],
  );
}

function readableText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.includes('\uFFFD') ? undefined : text;
}

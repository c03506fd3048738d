import { Controller, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ProblemException } from '@credstream/runtime';
import { ImportCredentialHandler, type ImportSource } from '@credstream/sharing/application';
import { NotAnSvgError, NotAPngError } from '@credstream/sharing/infrastructure';
import { SHARING_CONFIG } from '../app/sharing.tokens';
import type { SharingFeatureConfig } from '../config/sharing.config';
import { requestContextOf } from '../http/request-context';
import { CurrentRecipient } from '../sign-in/current-recipient';

const KINDS: Record<string, ImportSource['kind']> = {
  'application/jwt': 'jwt',
  'application/vc+jwt': 'jwt',
  'text/plain': 'jwt',
  'image/png': 'png',
  'image/svg+xml': 'svg',
};

/** Import a credential issued elsewhere: the raw VC-JWT, or a baked PNG/SVG, as the request body. */
@ApiTags('wallet')
@Controller('api/wallet/imports')
export class ImportController {
  constructor(
    @Inject(ImportCredentialHandler) private readonly importCredential: ImportCredentialHandler,
    @Inject(CurrentRecipient) private readonly current: CurrentRecipient,
    @Inject(SHARING_CONFIG) private readonly config: SharingFeatureConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Import a credential: body = VC-JWT (application/jwt) or baked image (image/png, image/svg+xml).',
  })
  async create(@Req() request: Request): Promise<{ credentialId: string }> {
    const recipient = await this.current.require(request);
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const kind = KINDS[mediaType];
    if (!kind) {
      throw new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'IMPORT_UNSUPPORTED_TYPE',
        `send the credential as ${Object.keys(KINDS).join(', ')}`,
        [{ field: 'content-type', message: `${mediaType || 'none'} is not supported` }],
      );
    }
    const body = await readBody(request, this.config.IMPORT_MAX_BYTES);
    const source: ImportSource = kind === 'jwt' ? { kind, text: body.toString('utf8') } : { kind, image: body };
    try {
      const credentialId = await this.importCredential.execute(recipient, source, requestContextOf(request));
      return { credentialId };
    } catch (error) {
      if (error instanceof NotAPngError || error instanceof NotAnSvgError) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'IMPORT_NOT_AN_IMAGE', error.message, [
          { field: 'body', message: error.message },
        ]);
      }
      throw error;
    }
  }
}

/** Reads the raw body up to `limit` bytes; a bigger one is a 413 and is not read further. */
function readBody(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

const tooLarge = (limit: number) =>
  new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'IMPORT_TOO_LARGE', `an import may be at most ${limit} bytes`, [
    { field: 'body', message: `larger than ${limit} bytes` },
  ]);

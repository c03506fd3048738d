import { Controller, Get, Headers, Inject, Param, ParseIntPipe, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { STATUS_LIST_SETTINGS, StatusListService, type StatusListSettings } from '@credstream/issuance/application';
import { ProblemException } from '@credstream/runtime';

/** Public: the signed Bitstring Status List credentials that issued credentials point at. */
@ApiTags('status-lists')
@Controller('status-lists')
export class StatusListsController {
  constructor(
    private readonly statusLists: StatusListService,
    @Inject(STATUS_LIST_SETTINGS) private readonly settings: StatusListSettings,
  ) {}

  @Get(':issuerId/:purpose/:seq')
  @ApiOperation({ summary: 'A status list credential (compact VC-JWT, application/vc+jwt); cacheable for its ttl' })
  async get(
    @Param('issuerId', new ParseUUIDPipe()) issuerId: string,
    @Param('purpose') purpose: string,
    @Param('seq', new ParseIntPipe()) seq: number,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    if (purpose !== 'revocation' && purpose !== 'suspension') {
      throw new ProblemException(404, 'STATUS_LIST_NOT_FOUND', 'no such status list');
    }
    const list = await this.statusLists.published({ issuerId, purpose, seq });
    if (!list) throw new ProblemException(404, 'STATUS_LIST_NOT_FOUND', 'no such status list');
    const etag = `"${list.version}-${Date.parse(list.updatedAt)}"`;
    response.setHeader('Cache-Control', `public, max-age=${Math.floor(this.settings.ttlMs / 1000)}`);
    response.setHeader('ETag', etag);
    response.setHeader('Last-Modified', new Date(list.updatedAt).toUTCString());
    if (ifNoneMatch === etag) {
      response.status(304).end();
      return;
    }
    response.status(200).type('application/vc+jwt').send(list.jwt);
  }
}

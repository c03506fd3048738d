import { Controller, Get, Header, Param, Res, UseInterceptors } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IssuerQueries } from '@credstream/issuance/application';
import type { DidDocument } from '@credstream/open-badges';
import { IssuanceProblemsInterceptor } from '../app/http/issuance-problems.interceptor';
import { uuidParam } from '../issuers/issuers.requests';
import { DID_DOCUMENT } from '../issuers/issuers.openapi';

/**
 * Public did:web resolution: `did:web:<host>:issuers:<id>` resolves to `https://<host>/issuers/<id>/did.json`.
 * No key needed — verifiers anywhere must be able to read it.
 */
@ApiTags('did:web')
@Controller('issuers')
@UseInterceptors(IssuanceProblemsInterceptor)
export class DidDocumentsController {
  constructor(private readonly issuers: IssuerQueries) {}

  @Get(':issuerId/did.json')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({
    summary: "An issuer's DID document (public)",
    description:
      'JsonWebKey2020 verification methods with publicKeyJwk, listed in assertionMethod; method ids equal the JWT ' +
      'kids. Rotated-out keys stay listed so older credentials verify; revoked keys are removed.',
  })
  @ApiOkResponse({ schema: DID_DOCUMENT })
  @ApiNotFoundResponse({ description: 'ISSUER_NOT_FOUND' })
  async didDocument(
    @Param('issuerId') issuerId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DidDocument> {
    const id = uuidParam('issuerId', issuerId);
    const document = await this.issuers.didDocument(id);
    response.type('application/did+json');
    return document;
  }
}

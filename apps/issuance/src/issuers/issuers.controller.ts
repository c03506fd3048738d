import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentTenant, RequireScopes, type ApiKeyPrincipal } from '@credstream/access';
import {
  CreateIssuerHandler,
  IssuerQueries,
  RevokeSigningKeyHandler,
  RotateSigningKeyHandler,
  UpdateIssuerProfileHandler,
  type IssuerView,
} from '@credstream/issuance/application';
import { z } from 'zod';
import { commandContext } from '../app/http/command-context';
import { expectedVersionOf, setEtag } from '../app/http/etag';
import { IssuanceProblemsInterceptor } from '../app/http/issuance-problems.interceptor';
import { parseRequest } from '../app/http/parse-request';
import { ApiUpdateProblems } from '../app/http/problem-responses';
import {
  createIssuerRequestSchema,
  issuerProfileSchema,
  revokeKeyRequestSchema,
  rotateKeyRequestSchema,
  uuidParam,
} from './issuers.requests';
import {
  CREATE_ISSUER_REQUEST,
  ISSUER_PROFILE_REQUEST,
  ISSUER_VIEW,
  REVOKE_KEY_REQUEST,
  ROTATE_KEY_REQUEST,
} from './issuers.openapi';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag of the issuer as last read, e.g. "3".' };
const fragmentParam = z.object({ fragment: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'is not a key name') });

/** The tenant's issuer profiles (OB 3.0 Profile + did:web identity + signing keys). Writes need the admin scope. */
@ApiTags('issuers')
@Controller('issuers')
@UseInterceptors(IssuanceProblemsInterceptor)
export class IssuersController {
  constructor(
    private readonly createIssuer: CreateIssuerHandler,
    private readonly updateProfile: UpdateIssuerProfileHandler,
    private readonly rotateKey: RotateSigningKeyHandler,
    private readonly revokeKey: RevokeSigningKeyHandler,
    private readonly issuers: IssuerQueries,
  ) {}

  @Post()
  @RequireScopes('admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Create an issuer profile',
    description:
      'Creates the profile, its did:web DID (`did:web:<host>:issuers:<id>`) and its first signing key (ES256 by ' +
      'default) inside the service; the private key is sealed in the key vault and never leaves it.',
  })
  @ApiBody({ schema: CREATE_ISSUER_REQUEST })
  @ApiCreatedResponse({ schema: ISSUER_VIEW, headers: { ETag: { description: 'Version of the issuer' } } })
  async create(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssuerView> {
    const { keyAlgorithm, ...profile } = parseRequest(createIssuerRequestSchema, body);
    const view = await this.createIssuer.execute({ profile, algorithm: keyAlgorithm }, commandContext(principal));
    response.setHeader('Location', `/issuers/${view.issuerId}`);
    setEtag(response, view.version);
    return view;
  }

  @Get()
  @RequireScopes()
  @ApiOperation({ summary: "List the tenant's issuers, oldest first" })
  @ApiOkResponse({ schema: { type: 'object', properties: { items: { type: 'array', items: ISSUER_VIEW } } } })
  async list(@CurrentTenant() principal: ApiKeyPrincipal): Promise<{ items: IssuerView[] }> {
    return { items: await this.issuers.list(principal.tenantId) };
  }

  @Get(':issuerId')
  @RequireScopes()
  @ApiOperation({ summary: 'One issuer, with its keys (public parts only)' })
  @ApiOkResponse({ schema: ISSUER_VIEW })
  @ApiNotFoundResponse({ description: "ISSUER_NOT_FOUND (also for another tenant's issuer)" })
  async get(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('issuerId') issuerId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssuerView> {
    const view = await this.issuers.get(principal.tenantId, this.issuerIdOf(issuerId));
    setEtag(response, view.version);
    return view;
  }

  @Put(':issuerId')
  @RequireScopes('admin')
  @ApiOperation({ summary: "Replace the issuer's profile" })
  @ApiHeader(IF_MATCH)
  @ApiBody({ schema: ISSUER_PROFILE_REQUEST })
  @ApiOkResponse({ schema: ISSUER_VIEW })
  @ApiUpdateProblems('ISSUER')
  async update(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('issuerId') issuerId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssuerView> {
    const id = this.issuerIdOf(issuerId);
    const profile = parseRequest(issuerProfileSchema, body);
    const view = await this.updateProfile.execute(id, profile, commandContext(principal), expectedVersionOf(ifMatch));
    setEtag(response, view.version);
    return view;
  }

  @Post(':issuerId/keys/rotate')
  @RequireScopes('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Rotate the signing key',
    description:
      'A new key (key-<n>) signs from now on; the previous one stays in the DID document, so credentials it signed ' +
      'keep verifying. After a revocation left no active key, this adds the new active key.',
  })
  @ApiHeader(IF_MATCH)
  @ApiBody({ schema: ROTATE_KEY_REQUEST, required: false })
  @ApiOkResponse({ schema: ISSUER_VIEW })
  @ApiUpdateProblems('ISSUER')
  async rotate(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('issuerId') issuerId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssuerView> {
    const id = this.issuerIdOf(issuerId);
    const { algorithm } = parseRequest(rotateKeyRequestSchema, body ?? {});
    const view = await this.rotateKey.execute(id, algorithm, commandContext(principal), expectedVersionOf(ifMatch));
    setEtag(response, view.version);
    return view;
  }

  @Post(':issuerId/keys/:fragment/revoke')
  @RequireScopes('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Revoke a compromised signing key',
    description: 'The key leaves the DID document (credentials it signed stop verifying) and can no longer sign.',
  })
  @ApiHeader(IF_MATCH)
  @ApiBody({ schema: REVOKE_KEY_REQUEST })
  @ApiOkResponse({ schema: ISSUER_VIEW })
  @ApiUpdateProblems('ISSUER')
  async revoke(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('issuerId') issuerId: string,
    @Param('fragment') fragment: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssuerView> {
    const id = this.issuerIdOf(issuerId);
    const kid = parseRequest(fragmentParam, { fragment }, 'path').fragment;
    const { reason } = parseRequest(revokeKeyRequestSchema, body);
    const view = await this.revokeKey.execute(
      id,
      { kid, reason },
      commandContext(principal),
      expectedVersionOf(ifMatch),
    );
    setEtag(response, view.version);
    return view;
  }

  private issuerIdOf(issuerId: string): string {
    return uuidParam('issuerId', issuerId);
  }
}

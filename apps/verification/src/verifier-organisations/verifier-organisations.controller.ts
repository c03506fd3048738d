import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { businessNow, currentRequestContext } from '@credstream/observability';
import { DomainProblemsInterceptor, ProblemException } from '@credstream/runtime';
import {
  VERIFIER_DIRECTORY,
  VerifierOrganisationsHandler,
  type VerifierDirectory,
} from '@credstream/verification/application';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { requireVerifier } from './verifier-authentication';
import { VERIFIER_STATUS_BY_CODE } from './verifier-status-by-code';

const PROFILE_FIELDS = ['name', 'sector', 'country'] as const;

/**
 * Employers and other verifiers register their organisation (name, ISIC sector, country) and get an API key; a
 * verification sent with `Authorization: Bearer <key>` is recorded as theirs, so analytics counts it as demand from
 * that sector and country. Keys are shown once, stored as hashes, and can be rotated and revoked with a key.
 */
@ApiTags('verifier organisations')
@Controller('verifier-organisations')
@UseGuards(RateLimitGuard)
@UseInterceptors(DomainProblemsInterceptor(VERIFIER_STATUS_BY_CODE))
export class VerifierOrganisationsController {
  constructor(
    private readonly handler: VerifierOrganisationsHandler,
    @Inject(VERIFIER_DIRECTORY) private readonly directory: VerifierDirectory,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a verifier organisation and get its first API key (shown once)' })
  @ApiBody({
    schema: {
      type: 'object',
      required: [...PROFILE_FIELDS],
      properties: {
        name: { type: 'string', maxLength: 200, example: 'Acme Hiring GmbH' },
        sector: {
          type: 'string',
          description: 'ISIC Rev. 4 code: a section letter, optionally digits',
          example: 'N78',
        },
        country: { type: 'string', description: 'ISO 3166-1 alpha-2', example: 'DE' },
      },
    },
  })
  @ApiCreatedResponse({ description: 'The organisation and its API key; the key is not shown again.' })
  async register(@Body() body: unknown) {
    const profile = profileFields(body);
    const { verifier, key } = await this.handler.register(
      { organisationId: randomUUID(), ...profile },
      commandContext(),
    );
    return { ...verifier, keyId: key.keyId, apiKey: key.token };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The organisation of the API key, with its keys (ids only)' })
  @ApiOkResponse({ description: 'Profile and keys.' })
  async me(@Headers() headers: IncomingHttpHeaders) {
    const verifier = await requireVerifier(headers, this.directory);
    return { ...verifier, keys: await this.handler.keysOf(verifier) };
  }

  @Post('me/keys')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Issue another API key (to rotate: issue, switch, then revoke the old one)' })
  @ApiCreatedResponse({ description: 'The new key; it is not shown again.' })
  async issueKey(@Headers() headers: IncomingHttpHeaders) {
    const verifier = await requireVerifier(headers, this.directory);
    const key = await this.handler.issueKey(verifier, commandContext());
    return { keyId: key.keyId, apiKey: key.token };
  }

  @Delete('me/keys/:keyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke one of the organisation’s keys (not its last active one)' })
  @ApiNoContentResponse({ description: 'Revoked: verifications with it are refused from now on.' })
  async revokeKey(@Headers() headers: IncomingHttpHeaders, @Param('keyId') keyId: string): Promise<void> {
    const verifier = await requireVerifier(headers, this.directory);
    await this.handler.revokeKey(verifier, keyId, commandContext());
  }
}

function profileFields(body: unknown): { name: string; sector: string; country: string } {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const missing = PROFILE_FIELDS.find((field) => typeof fields[field] !== 'string');
  if (missing) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'VERIFIER_PROFILE_INVALID', `${missing} must be a string`, [
      { field: missing, message: 'required, a string' },
    ]);
  }
  return fields as { name: string; sector: string; country: string };
}

function commandContext() {
  return { at: businessNow(), correlationId: currentRequestContext()?.correlationId ?? randomUUID() };
}

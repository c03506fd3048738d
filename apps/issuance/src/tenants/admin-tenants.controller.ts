import { Body, Controller, Header, HttpCode, HttpStatus, Param, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { RequirePlatformAdmin } from '@credstream/access';
import {
  CreateApiKeyHandler,
  CreateTenantHandler,
  type CreatedApiKey,
  type CreatedTenant,
} from '@credstream/issuance/application';
import { correlationId } from '../app/http/command-context';
import { IssuanceProblemsInterceptor } from '../app/http/issuance-problems.interceptor';
import { parseRequest } from '../app/http/parse-request';
import { apiKeyRequestSchema, createTenantRequestSchema } from './tenants.requests';
import { API_KEY_REQUEST, CREATE_TENANT_REQUEST, CREATED_API_KEY, CREATED_TENANT } from './tenants.openapi';

const tenantIdParam = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'is not a tenant id');

/** The platform administrator registers institutions (tenants) and can mint a key for one (e.g. a lost admin key). */
@ApiTags('platform administration')
@Controller('admin/tenants')
@RequirePlatformAdmin()
@UseInterceptors(IssuanceProblemsInterceptor)
export class AdminTenantsController {
  constructor(
    private readonly createTenant: CreateTenantHandler,
    private readonly createApiKey: CreateApiKeyHandler,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Register an institution (tenant) and its first API key',
    description: 'Returns the tenant and its first key; the key secret is shown only in this response.',
  })
  @ApiBody({ schema: CREATE_TENANT_REQUEST })
  @ApiCreatedResponse({ schema: CREATED_TENANT })
  @ApiBadRequestResponse({ description: 'REQUEST_INVALID, naming the field.' })
  @ApiConflictResponse({ description: 'TENANT_ALREADY_EXISTS' })
  async create(@Body() body: unknown): Promise<CreatedTenant> {
    const request = parseRequest(createTenantRequestSchema, body);
    return this.createTenant.execute(request, { correlationId: correlationId(), causationId: null });
  }

  @Post(':tenantId/api-keys')
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Create an API key for a tenant (e.g. to replace a lost admin key)' })
  @ApiBody({ schema: API_KEY_REQUEST })
  @ApiCreatedResponse({ schema: CREATED_API_KEY })
  @ApiNotFoundResponse({ description: 'TENANT_NOT_FOUND' })
  async createKey(@Param('tenantId') tenantId: string, @Body() body: unknown): Promise<CreatedApiKey> {
    const id = parseRequest(z.object({ tenantId: tenantIdParam }), { tenantId }, 'path').tenantId;
    const request = parseRequest(apiKeyRequestSchema, body);
    return this.createApiKey.execute(request, { tenantId: id, correlationId: correlationId(), causationId: null });
  }
}

import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentTenant,
  MongoApiKeyDirectory,
  RequireScopes,
  type ApiKeyPrincipal,
  type ApiKeyView,
} from '@credstream/access';
import { CreateApiKeyHandler, RevokeApiKeyHandler, type CreatedApiKey } from '@credstream/issuance/application';
import { TENANT_ERROR_CODES, TenantError } from '@credstream/issuance/domain';
import { commandContext } from '../app/http/command-context';
import { IssuanceProblemsInterceptor } from '../app/http/issuance-problems.interceptor';
import { parseRequest } from '../app/http/parse-request';
import { apiKeyRequestSchema } from '../tenants/tenants.requests';
import { API_KEY_REQUEST, API_KEY_VIEW, CREATED_API_KEY } from '../tenants/tenants.openapi';

/** The calling tenant's API keys (admin scope). Secrets are shown once, at creation. */
@ApiTags('api keys')
@Controller('tenants/me/api-keys')
@RequireScopes('admin')
@UseInterceptors(IssuanceProblemsInterceptor)
export class ApiKeysController {
  constructor(
    private readonly createApiKey: CreateApiKeyHandler,
    private readonly revokeApiKey: RevokeApiKeyHandler,
    private readonly directory: MongoApiKeyDirectory,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Create an API key',
    description: 'The response holds the secret key: it is shown only once.',
  })
  @ApiBody({ schema: API_KEY_REQUEST })
  @ApiCreatedResponse({ schema: CREATED_API_KEY })
  async create(@CurrentTenant() principal: ApiKeyPrincipal, @Body() body: unknown): Promise<CreatedApiKey> {
    return this.createApiKey.execute(parseRequest(apiKeyRequestSchema, body), commandContext(principal));
  }

  @Get()
  @ApiOperation({ summary: "List the tenant's API keys (revoked ones too), oldest first" })
  @ApiOkResponse({ schema: { type: 'object', properties: { items: { type: 'array', items: API_KEY_VIEW } } } })
  async list(@CurrentTenant() principal: ApiKeyPrincipal): Promise<{ items: ApiKeyView[] }> {
    return { items: await this.directory.listForTenant(principal.tenantId) };
  }

  @Get(':keyId')
  @ApiOperation({ summary: 'One API key' })
  @ApiOkResponse({ schema: API_KEY_VIEW })
  @ApiNotFoundResponse({ description: "API_KEY_NOT_FOUND (also for another tenant's key)" })
  async get(@CurrentTenant() principal: ApiKeyPrincipal, @Param('keyId') keyId: string): Promise<ApiKeyView> {
    return this.ownKey(principal.tenantId, keyId);
  }

  @Delete(':keyId')
  @ApiOperation({ summary: 'Revoke an API key', description: 'Every credstream service stops accepting it.' })
  @ApiOkResponse({ schema: API_KEY_VIEW })
  @ApiNotFoundResponse({ description: "API_KEY_NOT_FOUND (also for another tenant's key)" })
  @ApiConflictResponse({ description: 'API_KEY_ALREADY_REVOKED' })
  async revoke(@CurrentTenant() principal: ApiKeyPrincipal, @Param('keyId') keyId: string): Promise<ApiKeyView> {
    const { revokedAt } = await this.revokeApiKey.execute(keyId, commandContext(principal));
    const view = await this.directory.findForTenant(principal.tenantId, keyId);
    return view ?? { ...(await this.ownKey(principal.tenantId, keyId)), revoked: true, revokedAt };
  }

  private async ownKey(tenantId: string, keyId: string): Promise<ApiKeyView> {
    const view = await this.directory.findForTenant(tenantId, keyId);
    if (!view) throw new TenantError(TENANT_ERROR_CODES.apiKeyNotFound, `API key ${keyId} does not exist`, { keyId });
    return view;
  }
}

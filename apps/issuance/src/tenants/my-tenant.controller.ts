import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, RequireScopes, type ApiKeyPrincipal } from '@credstream/access';
import { IssuanceProblemsInterceptor } from '../app/http/issuance-problems.interceptor';
import { TenantQueries } from './tenant.queries';
import { TENANT_VIEW } from './tenants.openapi';

/** The institution the calling key belongs to. */
@ApiTags('tenants')
@Controller('tenants/me')
@RequireScopes()
@UseInterceptors(IssuanceProblemsInterceptor)
export class MyTenantController {
  constructor(private readonly tenants: TenantQueries) {}

  @Get()
  @ApiOperation({ summary: "The calling key's tenant" })
  @ApiOkResponse({ schema: TENANT_VIEW })
  async get(@CurrentTenant() principal: ApiKeyPrincipal): Promise<unknown> {
    return this.tenants.get(principal.tenantId);
  }
}

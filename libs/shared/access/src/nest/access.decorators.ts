import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  InternalServerErrorException,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ApiKeyScope } from '../api-key/api-key-scopes';
import type { ApiKeyPrincipal } from '../authentication/api-key-principal';
import { PRINCIPAL_PROPERTY, REQUIRED_SCOPES } from './access.tokens';
import { ApiKeyGuard } from './api-key.guard';
import { PlatformAdminGuard } from './platform-admin.guard';

/** OpenAPI security requirement names the guarded routes carry (both are HTTP bearer tokens). */
export const API_KEY_SECURITY = 'api-key';
export const PLATFORM_ADMIN_SECURITY = 'platform-admin';

/**
 * The route (or every route of the controller) needs an API key holding all of `scopes`:
 * 401 API_KEY_INVALID / API_KEY_REVOKED, 403 API_KEY_SCOPE_MISSING. Scopes of class and method add up.
 */
export function RequireScopes(...scopes: ApiKeyScope[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    UseGuards(ApiKeyGuard),
    ApiBearerAuth(API_KEY_SECURITY),
    ApiUnauthorizedResponse({ description: 'API_KEY_INVALID or API_KEY_REVOKED' }),
    ApiForbiddenResponse({ description: `API_KEY_SCOPE_MISSING (needs: ${scopes.join(', ') || 'any valid key'})` }),
  );
}

/** The route needs the platform administrator's bootstrap token: 401 PLATFORM_ADMIN_TOKEN_INVALID otherwise. */
export function RequirePlatformAdmin(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(PlatformAdminGuard),
    ApiBearerAuth(PLATFORM_ADMIN_SECURITY),
    ApiUnauthorizedResponse({ description: 'PLATFORM_ADMIN_TOKEN_INVALID' }),
  );
}

/** The accepted key's `{ tenantId, keyId, scopes }`; only on routes guarded by @RequireScopes. */
export const CurrentTenant = createParamDecorator((_data: unknown, context: ExecutionContext): ApiKeyPrincipal => {
  const principal = context.switchToHttp().getRequest<Request & { [PRINCIPAL_PROPERTY]?: ApiKeyPrincipal }>()[
    PRINCIPAL_PROPERTY
  ];
  // A programming error (a route using @CurrentTenant without @RequireScopes), never a caller's fault.
  if (!principal) throw new InternalServerErrorException('@CurrentTenant() used on a route without @RequireScopes()');
  return principal;
});

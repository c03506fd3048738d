import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { setContextTenant } from '@credstream/observability';
import type { ApiKeyScope } from '../api-key/api-key-scopes';
import { ApiKeyAuthenticator } from '../authentication/api-key.authenticator';
import { PRINCIPAL_PROPERTY, REQUIRED_SCOPES } from './access.tokens';
import { presentedApiKey } from './request-credentials';

/** Accepts a request carrying a valid, unrevoked API key with the route's scopes; see @RequireScopes. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required =
      this.reflector.getAllAndMerge<ApiKeyScope[]>(REQUIRED_SCOPES, [context.getHandler(), context.getClass()]) ?? [];
    const request = context.switchToHttp().getRequest<Request & { [PRINCIPAL_PROPERTY]?: unknown }>();
    const principal = await this.authenticator.authenticate(presentedApiKey(request), [...new Set(required)]);
    request[PRINCIPAL_PROPERTY] = principal;
    setContextTenant(principal.tenantId);
    return true;
  }
}

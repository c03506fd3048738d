import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { secretsEqual } from '../api-key/api-key-token';
import { platformAdminTokenInvalid } from '../authentication/access-errors';
import { PLATFORM_ADMIN_TOKEN } from './access.tokens';
import { bearerToken } from './request-credentials';

/** Accepts `Authorization: Bearer <platform admin token>` (constant-time compare); refuses all when none is set. */
@Injectable()
export class PlatformAdminGuard implements CanActivate {
  constructor(@Inject(PLATFORM_ADMIN_TOKEN) private readonly token: string | undefined) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.token) throw platformAdminTokenInvalid('No platform administrator token is configured.');
    const offered = bearerToken(context.switchToHttp().getRequest<Request>());
    if (offered === undefined || !secretsEqual(offered, this.token)) throw platformAdminTokenInvalid();
    return true;
  }
}

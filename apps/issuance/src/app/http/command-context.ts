import { randomUUID } from 'node:crypto';
import type { ApiKeyPrincipal } from '@credstream/access';
import type { CommandContext } from '@credstream/issuance/application';
import { currentRequestContext } from '@credstream/observability';

/** The context of a command a request sends: the key's tenant and the request's correlation id. */
export function commandContext(principal: Pick<ApiKeyPrincipal, 'tenantId'>): CommandContext {
  return { tenantId: principal.tenantId, correlationId: correlationId(), causationId: null };
}

export function correlationId(): string {
  return currentRequestContext()?.correlationId ?? randomUUID();
}

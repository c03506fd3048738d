import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line and every emitted event should carry about the work in progress. */
export interface RequestContext {
  correlationId: string;
  tenantId?: string;
  /** When the work is dated in the past (a historical import); absent means now. */
  occurredAt?: Date;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Records the tenant once a request has been authenticated; later log lines carry it. */
export function setContextTenant(tenantId: string): void {
  const context = storage.getStore();
  if (context) context.tenantId = tenantId;
}

/**
 * The time at which the work in progress happens: now, unless a historical import dated it
 * (`RequestContext.occurredAt`). Clocks that stamp events and credentials read this.
 */
export function businessNow(): Date {
  return currentRequestContext()?.occurredAt ?? new Date();
}

import type { IssuerView } from './issuer-view';

/**
 * Issuers listed per tenant. Written on the write path with the aggregate's state after each command,
 * version-checked (an older write never replaces a newer one). Single reads go to the event store instead.
 */
export interface IssuerReadModel {
  save(view: IssuerView): Promise<void>;
  /** The tenant's issuers, oldest first. */
  listForTenant(tenantId: string): Promise<IssuerView[]>;
}

export const ISSUER_READ_MODEL = Symbol('ISSUER_READ_MODEL');

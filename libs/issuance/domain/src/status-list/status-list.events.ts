import type { DomainEvent } from '@credstream/event-sourcing';
import type { StatusPurpose } from '@credstream/open-badges';

export interface StatusListCreatedData {
  /** URL of the status list credential, as credentials reference it. */
  statusListId: string;
  tenantId: string;
  issuerId: string;
  purpose: StatusPurpose;
  /** Number of entries (bits). */
  size: number;
}

/** Internal events: the published status list credential is regenerated from them. */
export type StatusListEvent =
  | DomainEvent<'status-list.created', StatusListCreatedData>
  | DomainEvent<'status-list.indexes-allocated', { statusListId: string; indexes: number[] }>
  | DomainEvent<'status-list.status-set', { statusListId: string; index: number }>
  | DomainEvent<'status-list.status-cleared', { statusListId: string; index: number }>;

import type { DomainCommand } from '@credstream/event-sourcing';

export type CreateStatusList = DomainCommand<
  'create-status-list',
  { statusListId: string; tenantId: string; issuerId: string; purpose: string; size: number }
>;

/**
 * Reserves indexes chosen at random by the caller (`pickStatusIndexes` with `crypto.randomInt`): randomness
 * stays out of the decider, which only checks that each index is in range and was never handed out.
 */
export type AllocateStatusIndexes = DomainCommand<'allocate-status-indexes', { indexes: readonly number[] }>;

/** Sets the bit (revoke, suspend). */
export type SetStatus = DomainCommand<'set-status', { index: number }>;

/** Clears the bit (reinstate); suspension lists only. */
export type ClearStatus = DomainCommand<'clear-status', { index: number }>;

export type StatusListCommand = CreateStatusList | AllocateStatusIndexes | SetStatus | ClearStatus;

import type { StatusEntry } from '@credstream/issuance/domain';
import type { StatusPurpose } from '@credstream/open-badges';

export interface StatusListOwner {
  tenantId: string;
  issuerId: string;
}

/** Hands out random, never reused entries in an issuer's status lists (one list series per purpose). */
export interface StatusEntryAllocator {
  allocate(owner: StatusListOwner, purpose: StatusPurpose, count: number): Promise<StatusEntry[]>;
}

export const STATUS_ENTRY_ALLOCATOR = Symbol('STATUS_ENTRY_ALLOCATOR');

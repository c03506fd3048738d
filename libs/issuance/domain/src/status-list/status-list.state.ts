import type { StatusPurpose } from '@credstream/open-badges';
import { ChunkedBitset } from './chunked-bitset';

/**
 * Two bitsets, 16 KB each at the minimum size, with structural sharing so folding stays cheap. A list's
 * stream grows by one event per allocation (up to its size) plus one per status change: loading it for every
 * command needs snapshots (`ChunkedBitset.toBytes`/`fromBytes`) or batched allocations once lists fill up.
 */
export interface StatusListState {
  statusListId?: string;
  tenantId: string;
  issuerId: string;
  purpose: StatusPurpose;
  size: number;
  /** Indexes handed out; never released, so an index is never reused. */
  allocated: ChunkedBitset;
  /** The published bits: set = revoked or suspended. */
  statuses: ChunkedBitset;
}

export const emptyStatusListState = (): StatusListState => ({
  tenantId: '',
  issuerId: '',
  purpose: 'revocation',
  size: 0,
  allocated: ChunkedBitset.empty(0),
  statuses: ChunkedBitset.empty(0),
});

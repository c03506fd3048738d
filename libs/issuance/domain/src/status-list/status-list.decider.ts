import type { Decider } from '@credstream/event-sourcing';
import { MIN_STATUS_LIST_BITS, type StatusPurpose } from '@credstream/open-badges';
import { isHttpUrl } from '../common/domain-guards';
import { ChunkedBitset } from './chunked-bitset';
import type { CreateStatusList, StatusListCommand } from './status-list.commands';
import { STATUS_LIST_ERROR_CODES as CODES, StatusListError } from './status-list.errors';
import type { StatusListEvent } from './status-list.events';
import { emptyStatusListState, type StatusListState } from './status-list.state';

const PURPOSES: readonly string[] = ['revocation', 'suspension'] satisfies StatusPurpose[];
type ExistingList = StatusListState & { statusListId: string };

export const statusListDecider: Decider<StatusListCommand, StatusListEvent, StatusListState> = {
  initialState: emptyStatusListState,

  decide(command, state) {
    switch (command.type) {
      case 'create-status-list':
        return create(command.data, state);
      case 'allocate-status-indexes':
        return allocate(command.data.indexes, requireList(state));
      case 'set-status': {
        const list = requireAllocated(requireList(state), command.data.index);
        if (list.statuses.has(command.data.index)) return []; // redelivered: the bit is set already
        return [
          { type: 'status-list.status-set', data: { statusListId: list.statusListId, index: command.data.index } },
        ];
      }
      case 'clear-status': {
        const list = requireAllocated(requireList(state), command.data.index);
        if (list.purpose === 'revocation') {
          throw new StatusListError(
            CODES.revocationIrreversible,
            'a revocation cannot be undone; use a suspension list',
          );
        }
        if (!list.statuses.has(command.data.index)) return [];
        return [
          { type: 'status-list.status-cleared', data: { statusListId: list.statusListId, index: command.data.index } },
        ];
      }
      default: {
        const _exhaustive: never = command;
        throw new Error(`unknown status list command ${JSON.stringify(_exhaustive)}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'status-list.created': {
        const { statusListId, tenantId, issuerId, purpose, size } = event.data;
        const empty = ChunkedBitset.empty(size);
        return { statusListId, tenantId, issuerId, purpose, size, allocated: empty, statuses: empty };
      }
      case 'status-list.indexes-allocated':
        return { ...state, allocated: state.allocated.with(event.data.indexes, true) };
      case 'status-list.status-set':
        return { ...state, statuses: state.statuses.with([event.data.index], true) };
      case 'status-list.status-cleared':
        return { ...state, statuses: state.statuses.with([event.data.index], false) };
      default: {
        const _exhaustive: never = event;
        throw new Error(`unknown status list event ${JSON.stringify(_exhaustive)}`);
      }
    }
  },
};

function create(data: CreateStatusList['data'], state: StatusListState): StatusListEvent[] {
  if (state.statusListId !== undefined) throw new StatusListError(CODES.alreadyExists, `${state.statusListId} exists`);
  if (!isHttpUrl(data.statusListId)) {
    throw new StatusListError(CODES.idInvalid, 'statusListId must be the http(s) URL of the list credential');
  }
  if (!PURPOSES.includes(data.purpose)) {
    throw new StatusListError(CODES.purposeUnknown, `purpose must be one of ${PURPOSES.join(', ')}`, {
      field: 'purpose',
    });
  }
  if (!Number.isSafeInteger(data.size) || data.size < MIN_STATUS_LIST_BITS || data.size % 8 !== 0) {
    throw new StatusListError(CODES.sizeInvalid, `size must be a multiple of 8 and at least ${MIN_STATUS_LIST_BITS}`, {
      field: 'size',
    });
  }
  const { statusListId, tenantId, issuerId, size } = data;
  return [
    {
      type: 'status-list.created',
      data: { statusListId, tenantId, issuerId, purpose: data.purpose as StatusPurpose, size },
    },
  ];
}

function allocate(indexes: readonly number[], list: ExistingList): StatusListEvent[] {
  if (indexes.length === 0) throw new StatusListError(CODES.allocationEmpty, 'allocate at least one index');
  const free = list.size - list.allocated.size;
  if (indexes.length > free) {
    throw new StatusListError(CODES.full, `the list has ${free} free indexes, ${indexes.length} requested`, { free });
  }
  const seen = new Set<number>();
  for (const index of indexes) {
    assertInRange(list, index);
    if (list.allocated.has(index) || seen.has(index)) {
      throw new StatusListError(CODES.indexAlreadyAllocated, `index ${index} was allocated before`, { index });
    }
    seen.add(index);
  }
  return [{ type: 'status-list.indexes-allocated', data: { statusListId: list.statusListId, indexes: [...indexes] } }];
}

function requireList(state: StatusListState): ExistingList {
  if (state.statusListId === undefined) throw new StatusListError(CODES.notFound, 'the status list does not exist');
  return state as ExistingList;
}

function requireAllocated(list: ExistingList, index: number): ExistingList {
  assertInRange(list, index);
  if (!list.allocated.has(index)) {
    throw new StatusListError(CODES.indexNotAllocated, `index ${index} belongs to no credential`, { index });
  }
  return list;
}

function assertInRange(list: ExistingList, index: number): void {
  if (!list.allocated.inRange(index)) {
    throw new StatusListError(CODES.indexOutOfRange, `index ${index} is outside 0..${list.size - 1}`, { index });
  }
}

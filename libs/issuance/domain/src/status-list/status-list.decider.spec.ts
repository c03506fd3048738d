import { deciderSpec, evolveAll } from '@credstream/event-sourcing';
import { BitstringStatusList, MIN_STATUS_LIST_BITS } from '@credstream/open-badges';
import type { StatusListCommand } from './status-list.commands';
import { statusListDecider } from './status-list.decider';
import type { StatusListEvent } from './status-list.events';
import { freeStatusIndexes, pickStatusIndexes, statusListBytes } from './status-list.queries';

const ISSUER_ID = '01932c8e-0000-7000-8000-000000000001';
const LIST = `https://credstream.example/status/${ISSUER_ID}/revocation/1`;
const SIZE = MIN_STATUS_LIST_BITS;
const createdAs = (purpose: 'revocation' | 'suspension'): StatusListEvent => ({
  type: 'status-list.created',
  data: { statusListId: LIST, tenantId: 'uni-lisbon', issuerId: ISSUER_ID, purpose, size: SIZE },
});
const created = createdAs('revocation');
const suspensionList = createdAs('suspension');
const allocatedList = (indexes: number[]): StatusListEvent => ({
  type: 'status-list.indexes-allocated',
  data: { statusListId: LIST, indexes },
});
const allocated = (...indexes: number[]): StatusListEvent => allocatedList(indexes);
const range = (length: number): number[] => Array.from({ length }, (_, index) => index);
const set = (index: number): StatusListEvent => ({
  type: 'status-list.status-set',
  data: { statusListId: LIST, index },
});
const cleared = (index: number): StatusListEvent => ({
  type: 'status-list.status-cleared',
  data: { statusListId: LIST, index },
});

const create = (
  overrides: Partial<{ purpose: string; size: number; statusListId: string }> = {},
): StatusListCommand => ({
  type: 'create-status-list',
  data: {
    statusListId: LIST,
    tenantId: 'uni-lisbon',
    issuerId: ISSUER_ID,
    purpose: 'revocation',
    size: SIZE,
    ...overrides,
  },
});
const allocate = (...indexes: number[]): StatusListCommand => ({ type: 'allocate-status-indexes', data: { indexes } });
const setStatus = (index: number): StatusListCommand => ({ type: 'set-status', data: { index } });
const clearStatus = (index: number): StatusListCommand => ({ type: 'clear-status', data: { index } });

describe('status list decider', () => {
  describe('create-status-list', () => {
    it('creates a list of at least 131,072 entries', () => {
      deciderSpec(statusListDecider).when(create()).then([created]);
    });

    it('refuses a duplicate, a small or ragged size, an unknown purpose and a non-URL id', () => {
      deciderSpec(statusListDecider).given([created]).when(create()).thenThrows('STATUS_LIST_ALREADY_EXISTS');
      deciderSpec(statusListDecider)
        .when(create({ size: 1024 }))
        .thenThrows('STATUS_LIST_SIZE_INVALID');
      deciderSpec(statusListDecider)
        .when(create({ size: SIZE + 1 }))
        .thenThrows('STATUS_LIST_SIZE_INVALID');
      deciderSpec(statusListDecider)
        .when(create({ purpose: 'refresh' }))
        .thenThrows('STATUS_LIST_PURPOSE_UNKNOWN');
      deciderSpec(statusListDecider)
        .when(create({ statusListId: 'list-1' }))
        .thenThrows('STATUS_LIST_ID_INVALID');
    });
  });

  describe('allocate-status-indexes', () => {
    it('allocates the given free indexes', () => {
      deciderSpec(statusListDecider)
        .given([created, allocated(5)])
        .when(allocate(94_211, 0, SIZE - 1))
        .then([allocated(94_211, 0, SIZE - 1)]);
    });

    it('refuses an index out of range', () => {
      deciderSpec(statusListDecider).given([created]).when(allocate(SIZE)).thenThrows('STATUS_INDEX_OUT_OF_RANGE');
      deciderSpec(statusListDecider).given([created]).when(allocate(-1)).thenThrows('STATUS_INDEX_OUT_OF_RANGE');
      deciderSpec(statusListDecider).given([created]).when(allocate(1.5)).thenThrows('STATUS_INDEX_OUT_OF_RANGE');
    });

    it('never reuses an index, even one allocated in the same command', () => {
      deciderSpec(statusListDecider)
        .given([created, allocated(5)])
        .when(allocate(5))
        .thenThrows('STATUS_INDEX_ALREADY_ALLOCATED');
      deciderSpec(statusListDecider).given([created]).when(allocate(7, 7)).thenThrows('STATUS_INDEX_ALREADY_ALLOCATED');
    });

    it('refuses when the list is full, and an empty allocation', () => {
      deciderSpec(statusListDecider)
        .given([created, allocatedList(range(SIZE))])
        .when(allocate(3))
        .thenThrows('STATUS_LIST_FULL');
      deciderSpec(statusListDecider).given([created]).when(allocate()).thenThrows('STATUS_LIST_ALLOCATION_EMPTY');
      deciderSpec(statusListDecider).when(allocate(1)).thenThrows('STATUS_LIST_NOT_FOUND');
    });
  });

  describe('set-status', () => {
    it('sets the bit of an allocated index, once', () => {
      deciderSpec(statusListDecider)
        .given([created, allocated(42)])
        .when(setStatus(42))
        .then([set(42)]);
      deciderSpec(statusListDecider)
        .given([created, allocated(42), set(42)])
        .when(setStatus(42))
        .then([]);
    });

    it('refuses an index out of range or never allocated', () => {
      deciderSpec(statusListDecider).given([created]).when(setStatus(SIZE)).thenThrows('STATUS_INDEX_OUT_OF_RANGE');
      deciderSpec(statusListDecider)
        .given([created, allocated(42)])
        .when(setStatus(43))
        .thenThrows('STATUS_INDEX_NOT_ALLOCATED');
    });
  });

  describe('clear-status', () => {
    it('clears a suspension bit (reinstatement), and does nothing for a clear bit', () => {
      deciderSpec(statusListDecider)
        .given([suspensionList, allocated(42), set(42)])
        .when(clearStatus(42))
        .then([cleared(42)]);
      deciderSpec(statusListDecider)
        .given([suspensionList, allocated(42)])
        .when(clearStatus(42))
        .then([]);
    });

    it('refuses to clear a revocation, and indexes out of range or never allocated', () => {
      deciderSpec(statusListDecider)
        .given([created, allocated(42), set(42)])
        .when(clearStatus(42))
        .thenThrows('STATUS_REVOCATION_IRREVERSIBLE');
      deciderSpec(statusListDecider)
        .given([suspensionList])
        .when(clearStatus(-3))
        .thenThrows('STATUS_INDEX_OUT_OF_RANGE');
      deciderSpec(statusListDecider)
        .given([suspensionList])
        .when(clearStatus(3))
        .thenThrows('STATUS_INDEX_NOT_ALLOCATED');
    });
  });

  describe('queries', () => {
    it('picks free indexes with the random numbers given, skipping allocated ones', () => {
      const state = evolveAll(statusListDecider, [created, allocated(10)]);
      const draws = [10, 11, 12];
      expect(pickStatusIndexes(state, 2, () => draws.shift() ?? 0)).toEqual([11, 12]);
      expect(freeStatusIndexes(state)).toBe(SIZE - 1);
    });

    it('reports a full list as STATUS_LIST_FULL', () => {
      const state = evolveAll(statusListDecider, [created, allocatedList(range(SIZE - 1))]);
      expect(pickStatusIndexes(state, 1, () => 0)).toEqual([SIZE - 1]);
      expect(() => pickStatusIndexes(state, 2, () => 0)).toThrow(expect.objectContaining({ code: 'STATUS_LIST_FULL' }));
    });

    it('exposes the bits to encode as the status list credential', () => {
      const state = evolveAll(statusListDecider, [created, allocated(1, 2), set(2)]);
      const list = BitstringStatusList.fromBytes(statusListBytes(state));
      expect([list.get(1), list.get(2), list.length]).toEqual([false, true, SIZE]);
    });

    it('folds a long stream of single allocations quickly (structural sharing)', () => {
      const events = [created, ...Array.from({ length: 50_000 }, (_, i) => allocated(i * 2))];
      const started = performance.now();
      const state = evolveAll(statusListDecider, events);
      expect(state.allocated.size).toBe(50_000);
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  });
});

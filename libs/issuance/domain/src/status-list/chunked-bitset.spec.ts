import { BitstringStatusList, MIN_STATUS_LIST_BITS } from '@credstream/open-badges';
import { ChunkedBitset } from './chunked-bitset';

describe('ChunkedBitset', () => {
  it('sets and clears bits without changing the original', () => {
    const empty = ChunkedBitset.empty(MIN_STATUS_LIST_BITS);
    const set = empty.with([0, 4095, 4096, 131_071], true);
    expect([0, 4095, 4096, 131_071, 1].map((i) => set.has(i))).toEqual([true, true, true, true, false]);
    expect(set.size).toBe(4);
    expect(empty.size).toBe(0);
    expect(empty.has(0)).toBe(false);
    const cleared = set.with([4096, 5], false);
    expect(cleared.size).toBe(3);
    expect(set.has(4096)).toBe(true);
    expect(cleared.has(4096)).toBe(false);
  });

  it('returns itself when nothing changes and refuses indexes out of range', () => {
    const set = ChunkedBitset.empty(16).with([3], true);
    expect(set.with([3], true)).toBe(set);
    expect(set.has(99)).toBe(false);
    expect(() => set.with([16], true)).toThrow(RangeError);
  });

  it('uses Bitstring Status List bit order and round-trips through bytes', () => {
    const bits = ChunkedBitset.empty(MIN_STATUS_LIST_BITS).with([0, 9, 70_000, 131_071], true);
    const reference = BitstringStatusList.create(MIN_STATUS_LIST_BITS);
    [0, 9, 70_000, 131_071].forEach((i) => reference.set(i));
    expect(Buffer.from(bits.toBytes()).equals(Buffer.from(reference.toBytes()))).toBe(true);
    const restored = ChunkedBitset.fromBytes(bits.toBytes());
    expect(restored.size).toBe(4);
    expect(restored.has(70_000)).toBe(true);
    expect(restored.length).toBe(MIN_STATUS_LIST_BITS);
  });
});

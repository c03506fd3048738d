import { gzipSync } from 'node:zlib';
import { readOb3ExampleJson } from '../testing/ob3-standards.fixtures';
import { BitstringStatusList, MIN_STATUS_LIST_BITS, StatusListDecodeError } from './bitstring-status-list';

describe('BitstringStatusList', () => {
  it('round-trips bits 0, 42 and 131071 through encode and decode', () => {
    const list = BitstringStatusList.create();
    for (const index of [0, 42, 131_071]) list.set(index);
    const encoded = list.encode();
    expect(encoded.startsWith('uH4sI')).toBe(true);
    const decoded = BitstringStatusList.decode(encoded);
    expect(decoded.length).toBe(MIN_STATUS_LIST_BITS);
    const set = [...Array(decoded.length).keys()].filter((i) => decoded.get(i));
    expect(set).toEqual([0, 42, 131_071]);
  });

  it('puts index 0 in the most significant bit of the first byte', () => {
    const list = BitstringStatusList.create();
    list.set(0);
    list.set(9);
    expect(list.toBytes().subarray(0, 2)).toEqual(Uint8Array.from([0x80, 0x40]));
    list.set(0, false);
    expect(list.get(0)).toBe(false);
  });

  it('decodes the 1EdTech example list: 131,072 bits with only bit 23 set', () => {
    const example = readOb3ExampleJson<{ credentialSubject: { encodedList: string } }>('bit-string-list/testlist.json');
    const list = BitstringStatusList.decode(example.credentialSubject.encodedList);
    expect(list.length).toBe(131_072);
    expect([...Array(list.length).keys()].filter((i) => list.get(i))).toEqual([23]);
  });

  it('also decodes StatusList2021 plain base64url (no multibase prefix)', () => {
    const bytes = new Uint8Array(16_384);
    bytes[1] = 0x01;
    const list = BitstringStatusList.decode(gzipSync(bytes).toString('base64url'));
    expect(list.get(15)).toBe(true);
  });

  it('is deterministic', () => {
    expect(BitstringStatusList.create().encode()).toBe(BitstringStatusList.create().encode());
  });

  it('refuses short lists, out-of-range indexes, junk and gzip bombs', () => {
    expect(() => BitstringStatusList.create(8)).toThrow(RangeError);
    expect(() => BitstringStatusList.create().get(131_072)).toThrow(RangeError);
    expect(() => BitstringStatusList.create().set(-1)).toThrow(RangeError);
    expect(() => BitstringStatusList.decode('u!!!')).toThrow(StatusListDecodeError);
    expect(() => BitstringStatusList.decode('uAAAA')).toThrow(StatusListDecodeError);
    const bomb = `u${gzipSync(new Uint8Array(1024 * 1024)).toString('base64url')}`;
    expect(() => BitstringStatusList.decode(bomb, { maxBytes: 64 * 1024 })).toThrow(StatusListDecodeError);
  });
});

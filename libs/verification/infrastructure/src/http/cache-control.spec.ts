import { maxAgeMsOf } from './cache-control';

describe('maxAgeMsOf', () => {
  it('reads max-age, treats no-store and no-cache as zero, and is undefined otherwise', () => {
    expect(maxAgeMsOf('public, max-age=120')).toBe(120_000);
    expect(maxAgeMsOf('no-store')).toBe(0);
    expect(maxAgeMsOf('No-Cache, max-age=60')).toBe(0);
    expect(maxAgeMsOf('public')).toBeUndefined();
    expect(maxAgeMsOf(undefined)).toBeUndefined();
  });
});

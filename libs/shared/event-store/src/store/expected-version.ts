/**
 * What the writer believes the stream's version is: a number (0 = the stream does not exist yet),
 * `'no-stream'` (same as 0) or `'any'` (no check; appends after whatever is there).
 */
export type ExpectedVersion = number | 'any' | 'no-stream';

export function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  return (expected === 'no-stream' ? 0 : expected) === actual;
}

export function assertValidExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === 'number' && !(Number.isInteger(expected) && expected >= 0)) {
    throw new RangeError(`expected version must be an integer >= 0, 'any' or 'no-stream', got ${expected}`);
  }
}

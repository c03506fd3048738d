/**
 * VC-JWT `nbf`/`exp` carry whole seconds, so credstream issues `validFrom`/`validUntil` at second precision
 * (`2026-06-30T00:00:00Z`): the claims then equal the dates exactly.
 */
export function toCredentialDate(value: Date | string): string {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`invalid date: ${String(value)}`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Seconds since the epoch of an XML Schema dateTime, or undefined when it does not parse. */
export function toNumericDate(dateTime: unknown): number | undefined {
  if (typeof dateTime !== 'string') return undefined;
  const ms = Date.parse(dateTime);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

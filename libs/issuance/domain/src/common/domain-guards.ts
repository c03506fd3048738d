/** Small predicates shared by the aggregates; each mirrors a format the published contracts validate with ajv. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ISO-8601 with a zone, as JSON Schema `date-time` requires (Date.parse alone accepts far more).
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export const isUuid = (value: string): boolean => UUID.test(value);

export const isBlank = (value: string | undefined): boolean => value === undefined || value.trim().length === 0;

export function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** Absolute http(s) URL: what badge images, profile pages and alignment targets must be. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Milliseconds since the epoch of a timestamp already checked with `isTimestamp`. */
export const epochMs = (timestamp: string): number => Date.parse(timestamp);

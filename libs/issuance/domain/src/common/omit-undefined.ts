/**
 * Drops keys whose value is undefined. Events are compared and stored as JSON, where `{a: undefined}` and `{}`
 * differ for strict equality but not once serialised; building events through this keeps both views equal.
 */
export function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

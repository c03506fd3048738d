/**
 * Drops keys whose value is undefined. Events are compared and stored as JSON, where `{a: undefined}` and `{}`
 * differ for strict equality but not once serialised; building events through this keeps both views equal.
 * A plain loop: bulk issuance builds several of these per credential.
 */
export function omitUndefined<T extends object>(value: T): T {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry !== undefined) kept[key] = entry;
  }
  return kept as T;
}

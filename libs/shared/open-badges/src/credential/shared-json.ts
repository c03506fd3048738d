/**
 * JSON text of deep-frozen credential parts (an issuer Profile, an Achievement) that a bulk job shares across
 * thousands of credentials. Keyed by object identity: a part is serialised once, and the signer splices the
 * text into each payload instead of serialising the same ~1.5 KB again (ADR 6).
 */
const sharedJsonText = new WeakMap<object, string>();

/**
 * A deep-frozen copy of plain JSON data (plain objects, arrays, strings, numbers, booleans, null), registered
 * so its JSON text is computed once. The input is not frozen or kept. Anything else inside (a Date, a class
 * instance, an object with `toJSON`) is refused with a TypeError: its JSON could not be cached safely.
 */
export function shareJsonValue<T extends object>(value: T): T {
  const copy = frozenCopy(value, '$') as T;
  sharedJsonText.set(copy, JSON.stringify(copy));
  return copy;
}

/** The cached JSON text of a value made by {@link shareJsonValue}, else undefined. */
export function sharedJsonOf(value: object): string | undefined {
  return sharedJsonText.get(value);
}

function frozenCopy(value: unknown, path: string): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
      throw new TypeError(`${path} is not JSON data`);
    }
    return value;
  }
  if (Array.isArray(value)) return Object.freeze(value.map((item, i) => frozenCopy(item, `${path}[${i}]`)));
  const proto: unknown = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    throw new TypeError(`${path} is not a plain JSON object`);
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = frozenCopy((value as Record<string, unknown>)[key], `${path}.${key}`);
    // defineProperty: an own "__proto__" key (JSON.parse makes them) must stay a property, not set the prototype.
    Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
  }
  return Object.freeze(copy);
}

/**
 * Use cases of the analytics service: command handlers and the ports (interfaces) they need, bound by DI tokens.
 * Filled in by the analytics service issue; the layer exists now so the boundaries are enforced from the start.
 */
export {};

/**
 * Pure domain model of the analytics service: events, state, decide/evolve. No framework, I/O, clock or env.
 * Filled in by the analytics service issue; the layer exists now so the boundaries are enforced from the start.
 */
export {};

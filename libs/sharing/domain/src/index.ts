/**
 * Pure domain model of the sharing service: events, state, decide/evolve. No framework, I/O, clock or env.
 * Filled in by the sharing service issue; the layer exists now so the boundaries are enforced from the start.
 */
export {};

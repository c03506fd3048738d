/**
 * Pure domain model of the verification service: events, state, decide/evolve. No framework, I/O, clock or env.
 * Filled in by the verification service issue; the layer exists now so the boundaries are enforced from the start.
 */
export {};

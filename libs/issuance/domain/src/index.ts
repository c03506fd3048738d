/**
 * Pure domain model of the issuance service: events, state, decide/evolve. No framework, I/O, clock or env.
 * Filled in by the issuance service issue; the layer exists now so the boundaries are enforced from the start.
 */
export {};

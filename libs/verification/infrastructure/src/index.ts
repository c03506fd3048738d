/**
 * Adapters of the verification service: implementations of the application ports (MongoDB, Kafka, ClickHouse, HTTP clients).
 * Filled in by the verification service issue; the layer exists now so the boundaries are enforced from the start.
 */
export {};

/**
 * Adapters of the sharing service: implementations of the application ports (MongoDB, Kafka, ClickHouse, HTTP clients).
 * Filled in by the sharing service issue; the layer exists now so the boundaries are enforced from the start.
 */
export {};

/** DI token under which a service's `EventStore` is bound (by `EventSourcingModule`). */
export const EVENT_STORE = Symbol.for('credstream.EventStore');

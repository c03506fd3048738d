import { EventStoreError } from './event-store.error';

/** An append the event store thread could not make: not running, not connected yet, or the store refused it. */
export class EventStoreThreadError extends EventStoreError {
  readonly code = 'EVENT_STORE_THREAD_FAILED';

  constructor(
    readonly thread: string,
    message: string,
    /** The name of the error the worker caught, e.g. `StreamVersionConflictError`. */
    readonly workerError?: string,
  ) {
    super(`event store thread ${thread}: ${message}`);
  }
}

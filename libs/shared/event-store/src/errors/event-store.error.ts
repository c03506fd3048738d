/** Base of the event store's errors; callers branch on the stable `code`. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

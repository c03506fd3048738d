import { EventStoreError } from './event-store.error';

/** One append is one MongoDB document (16 MB at most), so the number of events per append is capped. */
export class TooManyEventsError extends EventStoreError {
  readonly code = 'TOO_MANY_EVENTS';

  constructor(
    readonly streamId: string,
    readonly count: number,
    readonly max: number,
  ) {
    super(`cannot append ${count} events to ${streamId} at once; at most ${max} per append`);
  }
}

import type { ExpectedVersion } from '../store/expected-version';
import { EventStoreError } from './event-store.error';

/** The stream is not at the version the writer decided on: re-read, decide again, or report a conflict (409). */
export class StreamVersionConflictError extends EventStoreError {
  readonly code = 'STREAM_VERSION_CONFLICT';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, expected ${String(expectedVersion)}`);
  }
}

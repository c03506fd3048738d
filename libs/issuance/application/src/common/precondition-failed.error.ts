/** The caller's `If-Match` names a version the aggregate is no longer at (HTTP 412). */
export class PreconditionFailedError extends Error {
  readonly code = 'PRECONDITION_FAILED';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`${streamId} is at version ${currentVersion}, not ${expectedVersion}`);
    this.name = 'PreconditionFailedError';
  }
}

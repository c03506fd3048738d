import type { ValidationProblem } from '@credstream/contracts';
import { EventStoreError } from './event-store.error';

export interface InvalidEvent {
  type: string;
  aggregateVersion: number;
  problems: ValidationProblem[];
}

/** An integration event that does not satisfy its contract; nothing of the append was stored. */
export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';

  constructor(
    readonly streamId: string,
    readonly invalid: InvalidEvent[],
  ) {
    super(`refused to append to ${streamId}: ${invalid.map(describe).join('; ')}`);
  }
}

function describe({ type, aggregateVersion, problems }: InvalidEvent): string {
  const list = problems.map(({ path, message }) => `${path} ${message}`).join(', ');
  return `${type} (version ${aggregateVersion}): ${list}`;
}

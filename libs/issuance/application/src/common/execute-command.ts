import type { Decider, DomainCommand, DomainEvent } from '@credstream/event-sourcing';
import { evolveAll } from '@credstream/event-sourcing';
import { StreamVersionConflictError, type EventStore, type HandleResult } from '@credstream/event-store';
import { appendMetadata, type CommandContext } from './command-context';
import { PreconditionFailedError } from './precondition-failed.error';

export interface CommandExecution<TCommand extends DomainCommand, TEvent extends DomainEvent, TState> {
  streamId: string;
  aggregateType: string;
  decider: Decider<TCommand, TEvent, TState>;
  /** Decides from the current state; may throw a DomainError (e.g. the aggregate belongs to another tenant). */
  command: (state: TState) => TCommand;
  context: CommandContext;
  /** From `If-Match`: decide only if the stream is at this version, else PreconditionFailedError (412). */
  expectedVersion?: number;
  /** Re-read and decide again this often when another writer got there first (ignored with expectedVersion). */
  retriesOnConflict?: number;
}

/**
 * Reads an aggregate, decides, appends at the version read. With `expectedVersion` the caller's view must be
 * current (optimistic concurrency over HTTP); without it a lost race is retried, then a StreamVersionConflictError.
 */
export async function executeCommand<TCommand extends DomainCommand, TEvent extends DomainEvent, TState>(
  store: EventStore,
  execution: CommandExecution<TCommand, TEvent, TState>,
): Promise<HandleResult<TState>> {
  const { streamId, decider, expectedVersion } = execution;
  for (let retries = expectedVersion === undefined ? (execution.retriesOnConflict ?? 2) : 0; ; retries--) {
    const { state, version } = await store.aggregate(streamId, decider);
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw new PreconditionFailedError(streamId, expectedVersion, version);
    }
    const events = decider.decide(execution.command(state), state);
    try {
      const metadata = appendMetadata(execution.context, execution.aggregateType, streamId);
      const appended = await store.append(streamId, version, events, metadata);
      return { ...appended, state: evolveAll(decider, events, state) };
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError)) throw error;
      if (expectedVersion !== undefined)
        throw new PreconditionFailedError(streamId, expectedVersion, error.actualVersion);
      if (retries <= 0) throw error;
    }
  }
}

import type { DomainCommand, DomainEvent } from './domain-event';

/**
 * An aggregate as three pure functions (Jérémie Chassaing's decider pattern, as in Emmett):
 * - `decide` returns the events a command causes in the given state, or throws a `DomainError`
 *   (with a stable `code`) when the command is rejected. An empty array means "accepted, nothing changed".
 * - `evolve` applies one event to the state. It never rejects: events are facts.
 * - `initialState` is the state of a stream with no events.
 */
export interface Decider<TCommand extends DomainCommand, TEvent extends DomainEvent, TState> {
  decide(command: TCommand, state: TState): TEvent[];
  evolve(state: TState, event: TEvent): TState;
  initialState(): TState;
}

/** Folds events into a state, starting from `initialState()` unless a state is given. */
export function evolveAll<TEvent extends DomainEvent, TState>(
  decider: Pick<Decider<DomainCommand, TEvent, TState>, 'evolve' | 'initialState'>,
  events: readonly TEvent[],
  from: TState = decider.initialState(),
): TState {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}

import { deepStrictEqual, fail } from 'node:assert';
import type { Decider } from './decider';
import { evolveAll } from './decider';
import type { DomainCommand, DomainEvent } from './domain-event';
import { DomainError } from './domain-error';

/** What `thenThrows` accepts: an error class, a `DomainError` code, or a predicate on the thrown value. */
export type ExpectedFailure = (abstract new (...args: never[]) => Error) | string | ((error: unknown) => boolean);

export interface DeciderThen<TEvent> {
  /** Asserts that the command produces exactly these events (deep, strict equality, in order). */
  then(expected: readonly TEvent[]): void;
  /** Asserts that the command is rejected. */
  thenThrows(expected: ExpectedFailure): void;
}

export interface DeciderWhen<TCommand, TEvent> {
  when(command: TCommand): DeciderThen<TEvent>;
}

export interface DeciderGiven<TCommand, TEvent> extends DeciderWhen<TCommand, TEvent> {
  given(events: readonly TEvent[]): DeciderWhen<TCommand, TEvent>;
}

/**
 * Given/when/then for deciders, independent of the test runner (it throws `AssertionError`s with a diff):
 * `deciderSpec(decider).given([joined]).when(leave).then([left])` or `.thenThrows('MEMBER_NOT_FOUND')`.
 * `then` also folds the produced events, so an `evolve` that cannot apply what `decide` emits fails the spec.
 */
export function deciderSpec<TCommand extends DomainCommand, TEvent extends DomainEvent, TState>(
  decider: Decider<TCommand, TEvent, TState>,
): DeciderGiven<TCommand, TEvent> {
  const when =
    (history: readonly TEvent[]) =>
    (command: TCommand): DeciderThen<TEvent> => {
      const run = (): TEvent[] => decider.decide(command, evolveAll(decider, history));
      return {
        then(expected) {
          let produced: TEvent[];
          try {
            produced = run();
          } catch (error) {
            return fail(`expected events ${JSON.stringify(expected)} but decide threw ${describe(error)}`);
          }
          deepStrictEqual(produced, expected, `${command.type} produced unexpected events`);
          evolveAll(decider, produced, evolveAll(decider, history));
        },
        thenThrows(expected) {
          let produced: TEvent[];
          try {
            produced = run();
          } catch (error) {
            if (matches(error, expected)) return;
            return fail(`expected decide to throw ${describeExpected(expected)} but it threw ${describe(error)}`);
          }
          fail(`expected decide to throw ${describeExpected(expected)} but it returned ${JSON.stringify(produced)}`);
        },
      };
    };
  return { given: (events) => ({ when: when(events) }), when: when([]) };
}

function matches(error: unknown, expected: ExpectedFailure): boolean {
  if (typeof expected === 'string') return error instanceof DomainError && error.code === expected;
  if (isErrorClass(expected)) return error instanceof expected;
  return expected(error);
}

function isErrorClass(expected: ExpectedFailure): expected is abstract new (...args: never[]) => Error {
  return typeof expected === 'function' && (expected === Error || expected.prototype instanceof Error);
}

function describeExpected(expected: ExpectedFailure): string {
  if (typeof expected === 'string') return `a DomainError with code ${expected}`;
  return isErrorClass(expected) ? expected.name : 'an error matching the predicate';
}

function describe(error: unknown): string {
  if (error instanceof DomainError) return `${error.name} [${error.code}]: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

import { allocateStatusIndexes, StatusListFullError, type RandomInt } from '@credstream/open-badges';
import { STATUS_LIST_ERROR_CODES as CODES, StatusListError } from './status-list.errors';
import type { StatusListState } from './status-list.state';

/**
 * Chooses `count` free indexes uniformly at random, for an AllocateStatusIndexes command. The caller supplies
 * the random source (e.g. `crypto.randomInt`); the decider then checks the choice against the stream.
 */
export function pickStatusIndexes(state: StatusListState, count: number, randomInt: RandomInt): number[] {
  try {
    return allocateStatusIndexes(count, state.size, state.allocated, randomInt);
  } catch (error) {
    if (error instanceof StatusListFullError) {
      throw new StatusListError(CODES.full, `the list has ${state.size - state.allocated.size} free indexes`);
    }
    throw error;
  }
}

export const freeStatusIndexes = (state: StatusListState): number => state.size - state.allocated.size;

/** The bitstring to encode and sign as the status list credential (`BitstringStatusList.fromBytes`). */
export const statusListBytes = (state: StatusListState): Uint8Array => state.statuses.toBytes();

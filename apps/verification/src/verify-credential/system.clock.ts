import type { Clock } from '@credstream/verification/application';

/** The {@link Clock} of the running process. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

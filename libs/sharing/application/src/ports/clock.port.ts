export interface Clock {
  now(): Date;
}

export const SHARING_CLOCK = Symbol('SHARING_CLOCK');

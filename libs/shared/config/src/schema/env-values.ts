import { z } from 'zod';

/** Reusable validators for single environment variables (always strings on input). */

export const booleanFlag = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], {
      errorMap: () => ({ message: 'must be one of true, false, 1, 0, yes, no' }),
    })
    .default(defaultValue ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A whole number from `min` to `max`, with the messages a user reads when it is not one. */
const wholeNumberIn = (min: number, max: number, messages: { notANumber: string; outOfRange: string }) =>
  z.coerce
    .number({ invalid_type_error: messages.notANumber })
    .int('must be a whole number')
    .min(min, messages.outOfRange)
    .max(max, messages.outOfRange);

export const port = (defaultValue: number) =>
  wholeNumberIn(0, 65535, {
    notANumber: 'must be a TCP port number',
    outOfRange: 'must be between 0 and 65535',
  }).default(defaultValue);

export const positiveInt = (defaultValue: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .int('must be a whole number')
    .positive('must be greater than 0')
    .default(defaultValue);

/** A Linux nice value, 0 (normal priority) to 19 (lowest). */
export const niceValue = (defaultValue: number) =>
  wholeNumberIn(0, 19, {
    notANumber: 'must be a number from 0 to 19',
    outOfRange: 'must be from 0 to 19',
  }).default(defaultValue);

/** A share between 0 and 1, e.g. a sampling ratio. */
export const fraction = (defaultValue: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a number between 0 and 1' })
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .default(defaultValue);

export const httpUrl = () =>
  z
    .string()
    .url('must be an absolute URL')
    .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;

export const hostPortList = () =>
  z
    .string()
    .min(1, 'must not be empty')
    .transform((value) => value.split(',').map((entry) => entry.trim()))
    .refine(
      (entries) => entries.every((entry) => HOST_PORT.test(entry)),
      'must be a comma-separated list of host:port',
    );

export const mongoUri = () =>
  z.string().refine((value) => /^mongodb(\+srv)?:\/\/[^/]+/.test(value), 'must be a mongodb:// or mongodb+srv:// URI');

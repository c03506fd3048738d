import { NonRetriableError } from './non-retriable.error';

/** True for a NonRetriableError, also after Nest's exception filter turned it into its plain error object. */
export function isNonRetriable(error: unknown): boolean {
  if (error instanceof NonRetriableError) return true;
  return typeof error === 'object' && error !== null && (error as { nonRetriable?: unknown }).nonRetriable === true;
}

/** One line for logs and the dead-letter `error` header. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    return JSON.stringify(error);
  }
  return String(error);
}

import { RpcException } from '@nestjs/microservices';

/**
 * Thrown by a handler for a failure that retrying cannot fix (a referenced aggregate that will never
 * exist, a business rule the event breaks): the message goes straight to the dead-letter topic.
 * It is an RpcException so that the mark survives Nest's default RPC exception filter, which replaces
 * every other error with "Internal server error".
 */
export class NonRetriableError extends RpcException {
  constructor(message: string, options?: { cause?: unknown }) {
    super({ status: 'error', message, nonRetriable: true });
    this.name = 'NonRetriableError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

import type { OnApplicationShutdown } from '@nestjs/common';
import { SigningThread } from '@credstream/issuance/infrastructure';

/** The bulk signing thread of this process, if configured, stopped with the application. */
export class SigningThreadLifecycle implements OnApplicationShutdown {
  readonly thread: SigningThread | undefined;

  constructor(enabled: boolean) {
    this.thread = enabled ? new SigningThread() : undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.thread?.close();
  }
}

import type { Logger } from 'pino';

/**
 * Keeps trying to open a connection without blocking start-up: a service whose dependency is
 * down still starts, reports not-ready, and connects as soon as the dependency comes back.
 */
export class BackgroundConnector {
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly what: string,
    private readonly attempt: () => Promise<void>,
    private readonly logger: Logger,
    private readonly maxDelayMs = 10_000,
  ) {}

  start(): void {
    void this.tryConnect(500);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async tryConnect(delayMs: number): Promise<void> {
    if (this.stopped) return;
    try {
      await this.attempt();
      this.logger.info({ dependency: this.what }, `${this.what} connected`);
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn({ dependency: this.what, err: error, retryInMs: delayMs }, `${this.what} unreachable, retrying`);
      this.timer = setTimeout(() => void this.tryConnect(Math.min(delayMs * 2, this.maxDelayMs)), delayMs);
    }
  }
}

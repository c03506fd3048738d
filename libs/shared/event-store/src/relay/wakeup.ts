/**
 * A sleep that `wake()` cuts short. A wake-up that arrives while the relay is busy is remembered, so an
 * append made between "found nothing" and "going to sleep" is not left waiting for the next poll.
 */
export class Wakeup {
  private pending = false;
  private resolveSleep: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  wake(): void {
    if (this.resolveSleep) this.finish();
    else this.pending = true;
  }

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.resolveSleep = resolve;
      this.timer = setTimeout(() => this.finish(), ms);
    });
  }

  private finish(): void {
    clearTimeout(this.timer);
    const resolve = this.resolveSleep;
    this.resolveSleep = undefined;
    this.pending = false;
    resolve?.();
  }
}

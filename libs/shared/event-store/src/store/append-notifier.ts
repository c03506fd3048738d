import { EventEmitter } from 'node:events';
import { RecentCommits } from '../commits/recent-commits';

/**
 * In-process link from `append` to the relay of the same process: a signal, so it publishes without waiting to
 * poll, and the commits themselves, so it need not read them back (see `RecentCommits`).
 */
export class AppendNotifier {
  private readonly emitter = new EventEmitter();

  constructor(readonly recent: RecentCommits = new RecentCommits()) {
    this.emitter.setMaxListeners(0);
  }

  notify(streamId: string): void {
    this.emitter.emit('appended', streamId);
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: (streamId: string) => void): () => void {
    this.emitter.on('appended', listener);
    return () => this.emitter.off('appended', listener);
  }
}

import { EventEmitter } from 'node:events';

/** In-process signal from `append` to the relay of the same process, so it publishes without waiting to poll. */
export class AppendNotifier {
  private readonly emitter = new EventEmitter();

  constructor() {
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

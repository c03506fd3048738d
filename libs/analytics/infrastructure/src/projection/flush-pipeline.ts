export interface FlushPipelineOptions<B> {
  /** Writes allowed in flight at once (ClickHouse parses each INSERT on its own thread). */
  maxWrites: number;
  /** Stores a batch; retries are its own business. Rejects only when the batch is given up. */
  write: (batch: B) => Promise<void>;
  /** Records a written batch as done (the Kafka offset commit). Called in submission order. */
  commit: (batch: B) => Promise<void>;
  /** A batch that may start writing only once every earlier write has finished (one carrying erasures). */
  waitsForEarlierWrites: (batch: B) => boolean;
}

/**
 * Overlaps the writes of consecutive batches while committing them strictly in the order they were submitted: a
 * commit covers every earlier offset of its partitions, so batch N+1 is committed only after batch N was, and never
 * once an earlier batch was given up (its messages are then redelivered to whoever consumes next).
 */
export class FlushPipeline<B> {
  private readonly inFlight = new Set<Promise<void>>();
  private committed: Promise<void> = Promise.resolve();

  constructor(private readonly options: FlushPipelineOptions<B>) {}

  get writesInFlight(): number {
    return this.inFlight.size;
  }

  /** Starts writing `batch` and queues its commit; resolves once it is committed, rejects if it or an earlier one failed. */
  submit(batch: B): Promise<void> {
    const earlier = this.options.waitsForEarlierWrites(batch) ? settled([...this.inFlight]) : Promise.resolve();
    const written = earlier.then(() => this.options.write(batch));
    const tracked = written.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(tracked);
    void tracked.then(() => this.inFlight.delete(tracked));
    const done = Promise.all([this.committed, written]).then(() => this.options.commit(batch));
    this.committed = done;
    return done;
  }

  /** Resolves once fewer than `maxWrites` writes are in flight. */
  async roomForWrite(): Promise<void> {
    while (this.inFlight.size >= this.options.maxWrites) await Promise.race(this.inFlight);
  }

  get hasRoom(): boolean {
    return this.inFlight.size < this.options.maxWrites;
  }

  /** Resolves once every batch submitted so far is committed; rejects if one was given up. */
  drained(): Promise<void> {
    return this.committed;
  }
}

function settled(promises: Promise<void>[]): Promise<void> {
  return Promise.allSettled(promises).then(() => undefined);
}

import type { EventEnvelope } from '@credstream/contracts';
import { Decider, DomainCommand, DomainEvent, evolveAll } from '@credstream/event-sourcing';
import type { Connection } from 'mongoose';
import { blockOf, bucketOf, CommitDocument } from '../commits/commit-document';
import { CommitLog, DEFAULT_COLLECTION_PREFIX, isDuplicateKeyError } from '../commits/commit-log';
import { PositionCounter } from '../commits/position-counter';
import { StreamVersionConflictError } from '../errors/stream-version-conflict.error';
import { TooManyEventsError } from '../errors/too-many-events.error';
import type { AppendMetadata } from './append-metadata';
import { AppendNotifier } from './append-notifier';
import { appendNewStreams } from './new-streams-append';
import { Clock, toStoredEnvelopes } from './envelope-factory';
import type {
  AggregateState,
  AppendResult,
  EventStore,
  HandleOptions,
  HandleResult,
  NewStreamEntry,
} from './event-store';
import { assertValidExpectedVersion, ExpectedVersion } from './expected-version';
import { assertIntegrationEventsValid } from './integration-event-check';
import { RecentStates } from './recent-states';
import { packedForStorage } from '../commits/packed-text';
import type { PublishableEvents } from '../commits/recent-commits';
import { StreamReader } from './stream-reader';

export const DEFAULT_MAX_EVENTS_PER_APPEND = 1000;
export const DEFAULT_MAX_EVENTS_PER_BATCH = 10_000;

/** An `'any'` append retries a lost race this often before giving up with the conflict. */
const ANY_VERSION_ATTEMPTS = 5;

export interface MongoEventStoreOptions {
  connection: Connection;
  /** Collections are `<prefix>commits`, `<prefix>positions` and `<prefix>relay_leases`. Default `es_`. */
  collectionPrefix?: string;
  clock?: Clock;
  maxEventsPerAppend?: number;
  /** Events of all streams of one `appendToNewStreams` (one document, far below 16 MB). Default 10,000. */
  maxEventsPerBatch?: number;
  /** Share one notifier between the store and the relay of a process; the store creates one otherwise. */
  notifier?: AppendNotifier;
}

type CommitOutcome = { committed: true; envelopes: EventEnvelope[] } | { committed: false };

/** Event streams in MongoDB, one commit document per append (docs/decisions/0004-event-store-and-relay.md). */
export class MongoEventStore implements EventStore {
  readonly commits: CommitLog;
  readonly positions: PositionCounter;
  readonly notifier: AppendNotifier;
  private readonly reader: StreamReader;
  private readonly states = new RecentStates();
  private readonly clock: Clock;
  private readonly maxEvents: number;
  private readonly maxBatchEvents: number;

  constructor(options: MongoEventStoreOptions) {
    const prefix = options.collectionPrefix ?? DEFAULT_COLLECTION_PREFIX;
    this.commits = new CommitLog(options.connection, prefix);
    this.positions = new PositionCounter(options.connection, prefix);
    this.reader = new StreamReader(this.commits);
    this.notifier = options.notifier ?? new AppendNotifier();
    this.clock = options.clock ?? (() => new Date());
    this.maxEvents = options.maxEventsPerAppend ?? DEFAULT_MAX_EVENTS_PER_APPEND;
    this.maxBatchEvents = options.maxEventsPerBatch ?? DEFAULT_MAX_EVENTS_PER_BATCH;
  }

  /** Creates the indexes; appends do it on first use too. */
  async init(): Promise<void> {
    await this.commits.ensureIndexes();
  }

  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly DomainEvent[],
    metadata: AppendMetadata,
  ): Promise<AppendResult> {
    assertValidExpectedVersion(expectedVersion);
    if (events.length > this.maxEvents) throw new TooManyEventsError(streamId, events.length, this.maxEvents);
    await this.commits.ensureIndexes();
    if (expectedVersion === 'any') return this.appendAtAnyVersion(streamId, events, metadata);
    const expected = expectedVersion === 'no-stream' ? 0 : expectedVersion;
    if (events.length === 0) {
      const head = await this.reader.head(streamId);
      if (head !== expected) throw new StreamVersionConflictError(streamId, expectedVersion, head);
      return { streamId, version: head, events: [] };
    }
    // The unique index on (stream, fromVersion) refuses a second commit after the same version. It cannot see
    // an expected version that is not a commit end (a guess, a forged If-Match): a commit must end there.
    if (expected > 0 && !(await this.reader.endsAt(streamId, expected))) {
      throw new StreamVersionConflictError(streamId, expectedVersion, await this.reader.head(streamId));
    }
    const outcome = await this.commitAt(streamId, expected, events, metadata);
    if (outcome.committed) return { streamId, version: expected + outcome.envelopes.length, events: outcome.envelopes };
    throw new StreamVersionConflictError(streamId, expectedVersion, await this.reader.head(streamId));
  }

  private async appendAtAnyVersion(
    streamId: string,
    events: readonly DomainEvent[],
    metadata: AppendMetadata,
  ): Promise<AppendResult> {
    if (events.length === 0) return { streamId, version: await this.reader.head(streamId), events: [] };
    for (let attempt = 1; ; attempt++) {
      // The end this process knows is usually the head; if another writer went on, the unique index refuses the
      // commit and the next attempt reads the head. Re-reading a long stream on every append would cost more.
      const known = attempt === 1 ? this.reader.knownEnd(streamId) : undefined;
      const head = known ?? (await this.reader.head(streamId));
      const outcome = await this.commitAt(streamId, head, events, metadata);
      if (outcome.committed) return { streamId, version: head + outcome.envelopes.length, events: outcome.envelopes };
      if (attempt >= ANY_VERSION_ATTEMPTS) {
        throw new StreamVersionConflictError(streamId, 'any', await this.reader.head(streamId));
      }
    }
  }

  async appendToNewStreams(
    entries: readonly NewStreamEntry[],
    metadata: Omit<AppendMetadata, 'aggregateId'>,
  ): Promise<AppendResult[]> {
    await this.commits.ensureIndexes();
    const results = await appendNewStreams(entries, metadata, {
      commits: this.commits,
      reader: this.reader,
      clock: this.clock,
      maxEvents: this.maxBatchEvents,
      insertAtNextPosition: (commit, events) => this.insertAtNextPosition(commit, events),
    });
    const [first] = results;
    if (first) this.notifier.notify(first.streamId);
    return results;
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<EventEnvelope[]> {
    const fromVersion = options.fromVersion ?? 1;
    const commits = await this.reader.visibleCommits(streamId);
    return commits
      .filter((commit) => commit.toVersion >= fromVersion)
      .flatMap((commit) => commit.events())
      .filter((event) => event.aggregateVersion >= fromVersion);
  }

  async aggregate<TCommand extends DomainCommand, TEvent extends DomainEvent, TState>(
    streamId: string,
    decider: Decider<TCommand, TEvent, TState>,
  ): Promise<AggregateState<TState>> {
    const envelopes = await this.readStream(streamId);
    const events = envelopes.map(({ type, data }) => ({ type, data }) as TEvent);
    const folded = { state: evolveAll(decider, events), version: envelopes.at(-1)?.aggregateVersion ?? 0 };
    this.states.remember(streamId, decider, folded);
    return folded;
  }

  /**
   * Folds, decides and commits. The fold has just read the stream, so its version is a real commit end and
   * the commit goes straight in after it: a writer that got there first holds `version + 1` and the unique
   * index turns ours into a conflict (no second head read).
   */
  async handle<TCommand extends DomainCommand, TEvent extends DomainEvent, TState>(
    streamId: string,
    decider: Decider<TCommand, TEvent, TState>,
    command: TCommand,
    metadata: AppendMetadata,
    options: HandleOptions<TState> = {},
  ): Promise<HandleResult<TState>> {
    const known = options.known ?? this.states.get<TState>(streamId, decider);
    if (known) {
      const handled = await this.handleOnKnownState(streamId, decider, command, metadata, known);
      if (handled) return this.remembered(handled, decider);
    }
    for (let retries = options.retriesOnConflict ?? 0; ; retries--) {
      const { state, version } = await this.aggregate(streamId, decider);
      const events = decider.decide(command, state);
      if (events.length > this.maxEvents) throw new TooManyEventsError(streamId, events.length, this.maxEvents);
      if (events.length === 0) return { streamId, version, events: [], state };
      await this.commits.ensureIndexes();
      const outcome = await this.commitAt(streamId, version, events, metadata);
      if (outcome.committed) {
        const { envelopes } = outcome;
        const handled = {
          streamId,
          version: version + envelopes.length,
          events: envelopes,
          state: evolveAll(decider, events, state),
        };
        return this.remembered(handled, decider);
      }
      if (retries <= 0) throw new StreamVersionConflictError(streamId, version, await this.reader.head(streamId));
    }
  }

  private remembered<TState>(handled: HandleResult<TState>, decider: object): HandleResult<TState> {
    this.states.remember(handled.streamId, decider, handled);
    return handled;
  }

  /**
   * Decides on the state the caller holds and commits after its version; undefined sends the caller to the ordinary
   * path (read, decide, commit): no events or a refusal may be an artefact of a stale state, and a conflict is one.
   */
  private async handleOnKnownState<TCommand extends DomainCommand, TEvent extends DomainEvent, TState>(
    streamId: string,
    decider: Decider<TCommand, TEvent, TState>,
    command: TCommand,
    metadata: AppendMetadata,
    known: AggregateState<TState>,
  ): Promise<HandleResult<TState> | undefined> {
    let events: TEvent[];
    try {
      events = decider.decide(command, known.state);
    } catch {
      return undefined;
    }
    if (events.length === 0 || events.length > this.maxEvents) return undefined;
    await this.commits.ensureIndexes();
    // As for an expected version: the unique indexes cannot see a version inside a commit.
    if (known.version > 0 && !(await this.reader.endsAt(streamId, known.version))) return undefined;
    const outcome = await this.commitAt(streamId, known.version, events, metadata);
    if (!outcome.committed) return undefined;
    return {
      streamId,
      version: known.version + outcome.envelopes.length,
      events: outcome.envelopes,
      state: evolveAll(decider, events, known.state),
    };
  }

  /** Inserts the commit after `head`; `committed: false` when another writer already holds `head + 1`. */
  private async commitAt(
    streamId: string,
    head: number,
    events: readonly DomainEvent[],
    metadata: AppendMetadata,
  ): Promise<CommitOutcome> {
    const { envelopes, json, eventJson } = toStoredEnvelopes(streamId, head + 1, events, metadata, this.clock);
    assertIntegrationEventsValid(streamId, envelopes);
    const committed = await this.insertAtNextPosition(
      { streamId, fromVersion: head + 1, toVersion: head + envelopes.length, events: json, committedAt: this.clock() },
      { envelopes, json: eventJson },
    );
    if (!committed) return { committed: false };
    this.reader.rememberEnd(streamId, head + envelopes.length);
    this.notifier.notify(streamId);
    return { committed: true, envelopes };
  }

  /**
   * Takes the next global position and inserts the commit there. If the position was closed as a gap
   * meanwhile (we were slower than the relay's grace period), takes a new one: a commit never lands behind
   * the relay's checkpoint. Resolves false on a version conflict, after closing the unused position so the
   * relay need not wait for it.
   */
  private async insertAtNextPosition(
    commit: Omit<CommitDocument, 'position'>,
    events?: PublishableEvents,
  ): Promise<boolean> {
    // Deflated before taking a position: a position waits for its commit (the relay cannot pass it) meanwhile.
    const stored = await packedForStorage(commit);
    for (;;) {
      const { recent } = this.notifier;
      const position = await recent.allocate(() => this.positions.next());
      const place = { position, bucket: bucketOf(position), block: blockOf(position) };
      try {
        await this.commits.insert({ ...stored, ...place });
        // The relay publishes from memory: the plain text, not the stored (maybe deflated) form.
        recent.committed({ ...commit, ...place }, events);
        return true;
      } catch (error) {
        recent.released(position);
        if (!isDuplicateKeyError(error)) throw error;
        if (await this.commits.atPosition(position)) continue;
        await this.commits.closeGap(position, this.clock()).catch(() => undefined);
        return false;
      }
    }
  }
}

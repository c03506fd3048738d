import type { EventEnvelope } from '@credstream/contracts';
import { Decider, DomainCommand, DomainEvent, evolveAll } from '@credstream/event-sourcing';
import type { Connection } from 'mongoose';
import { CommitLog, DEFAULT_COLLECTION_PREFIX, isDuplicateKeyError } from '../commits/commit-log';
import { StreamVersionConflictError } from '../errors/stream-version-conflict.error';
import { TooManyEventsError } from '../errors/too-many-events.error';
import type { AppendMetadata } from './append-metadata';
import { AppendNotifier } from './append-notifier';
import { Clock, toEnvelopes } from './envelope-factory';
import type { AggregateState, AppendResult, EventStore, HandleOptions, HandleResult } from './event-store';
import { assertValidExpectedVersion, ExpectedVersion, versionMatches } from './expected-version';
import { assertIntegrationEventsValid } from './integration-event-check';

export const DEFAULT_MAX_EVENTS_PER_APPEND = 1000;

/** An `'any'` append retries a lost race this often before giving up with the conflict. */
const ANY_VERSION_ATTEMPTS = 5;

export interface MongoEventStoreOptions {
  connection: Connection;
  /** Collections are `<prefix>commits` and `<prefix>relay_leases`. Default `es_`. */
  collectionPrefix?: string;
  clock?: Clock;
  maxEventsPerAppend?: number;
  /** Share one notifier between the store and the relay of a process; the store creates one otherwise. */
  notifier?: AppendNotifier;
}

/** Event streams in MongoDB, one commit document per append (docs/decisions/0004-event-store-and-relay.md). */
export class MongoEventStore implements EventStore {
  readonly commits: CommitLog;
  readonly notifier: AppendNotifier;
  private readonly clock: Clock;
  private readonly maxEvents: number;

  constructor(options: MongoEventStoreOptions) {
    this.commits = new CommitLog(options.connection, options.collectionPrefix ?? DEFAULT_COLLECTION_PREFIX);
    this.notifier = options.notifier ?? new AppendNotifier();
    this.clock = options.clock ?? (() => new Date());
    this.maxEvents = options.maxEventsPerAppend ?? DEFAULT_MAX_EVENTS_PER_APPEND;
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
    for (let attempt = 1; ; attempt++) {
      const head = await this.commits.head(streamId);
      if (!versionMatches(expectedVersion, head)) throw new StreamVersionConflictError(streamId, expectedVersion, head);
      if (events.length === 0) return { streamId, version: head, events: [] };
      try {
        const envelopes = await this.insertCommit(streamId, head, events, metadata);
        this.notifier.notify(streamId);
        return { streamId, version: head + envelopes.length, events: envelopes };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        if (expectedVersion === 'any' && attempt < ANY_VERSION_ATTEMPTS) continue;
        throw new StreamVersionConflictError(streamId, expectedVersion, await this.commits.head(streamId));
      }
    }
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<EventEnvelope[]> {
    const fromVersion = options.fromVersion ?? 1;
    const commits = await this.commits.read(streamId, fromVersion);
    return commits.flatMap((commit) => commit.events).filter((event) => event.aggregateVersion >= fromVersion);
  }

  async aggregate<TCommand extends DomainCommand, TEvent extends DomainEvent, TState>(
    streamId: string,
    decider: Decider<TCommand, TEvent, TState>,
  ): Promise<AggregateState<TState>> {
    const envelopes = await this.readStream(streamId);
    const events = envelopes.map(({ type, data }) => ({ type, data }) as TEvent);
    return { state: evolveAll(decider, events), version: envelopes.at(-1)?.aggregateVersion ?? 0 };
  }

  async handle<TCommand extends DomainCommand, TEvent extends DomainEvent, TState>(
    streamId: string,
    decider: Decider<TCommand, TEvent, TState>,
    command: TCommand,
    metadata: AppendMetadata,
    options: HandleOptions = {},
  ): Promise<HandleResult<TState>> {
    for (let retries = options.retriesOnConflict ?? 0; ; retries--) {
      const { state, version } = await this.aggregate(streamId, decider);
      const events = decider.decide(command, state);
      try {
        const appended = await this.append(streamId, version, events, metadata);
        return { ...appended, state: evolveAll(decider, events, state) };
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || retries <= 0) throw error;
      }
    }
  }

  private async insertCommit(
    streamId: string,
    head: number,
    events: readonly DomainEvent[],
    metadata: AppendMetadata,
  ): Promise<EventEnvelope[]> {
    const envelopes = toEnvelopes(streamId, head + 1, events, metadata, this.clock);
    assertIntegrationEventsValid(streamId, envelopes);
    await this.commits.insert({
      streamId,
      fromVersion: head + 1,
      toVersion: head + envelopes.length,
      events: envelopes,
      committedAt: this.clock(),
      published: false,
    });
    return envelopes;
  }
}

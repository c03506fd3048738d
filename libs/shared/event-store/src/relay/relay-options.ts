import { EventEnvelope, topicOf } from '@credstream/contracts';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { hostname } from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import { BLOCK_SIZE } from '../commits/commit-document';
import { DEFAULT_COLLECTION_PREFIX } from '../commits/commit-log';
import type { AppendNotifier } from '../store/append-notifier';
import type { Clock } from '../store/envelope-factory';
import type { RelayProducer } from './relay-producer';

/** The topic an event goes to, or undefined when it is not published (internal to the service). */
export type TopicResolver = (event: EventEnvelope) => string | undefined;

export interface EventRelayOptions {
  connection: Connection;
  /** A connected producer, ideally from `createRelayProducer`. */
  producer: RelayProducer;
  logger: Logger;
  collectionPrefix?: string;
  /** The store's notifier (`store.notifier`): wakes the relay as soon as this process appends. */
  notifier?: AppendNotifier;
  /** Default: the catalogue's topic for integration event types (`topicOf`), nothing for other types. */
  topicFor?: TopicResolver;
  clock?: Clock;
  /** Identifies this replica in the lease. Default: host, pid and a UUIDv7. */
  owner?: string;
  /** Replicas with the same lease name exclude each other. Default `event-relay`. */
  leaseName?: string;
  leaseTtlMs?: number;
  /** Commits published per batch (one checkpoint write). Default 1024 (one block of positions). */
  batchSize?: number;
  /**
   * How long a position may stay allocated without a commit before the relay closes it and moves on.
   * Default 2000 ms. A commit that arrives later is not lost: its insert fails and it takes a new position.
   */
  gapGraceMs?: number;
  maxMessagesPerSend?: number;
  maxBytesPerSend?: number;
  idleMinDelayMs?: number;
  idleMaxDelayMs?: number;
}

export type ResolvedRelayOptions = Required<Omit<EventRelayOptions, 'notifier'>> & Pick<EventRelayOptions, 'notifier'>;

export function resolveRelayOptions(options: EventRelayOptions): ResolvedRelayOptions {
  return {
    collectionPrefix: DEFAULT_COLLECTION_PREFIX,
    topicFor: (event) => topicOf(event.type),
    clock: () => new Date(),
    owner: `${hostname()}-${process.pid}-${uuidv7()}`,
    leaseName: 'event-relay',
    leaseTtlMs: 10_000,
    batchSize: BLOCK_SIZE,
    gapGraceMs: 2_000,
    maxMessagesPerSend: 500,
    maxBytesPerSend: 900_000,
    idleMinDelayMs: 50,
    idleMaxDelayMs: 1_000,
    ...withoutUndefined(options),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

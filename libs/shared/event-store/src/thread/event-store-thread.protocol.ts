import type { KafkaConfig } from '@credstream/config';
import type { DomainEvent } from '@credstream/event-sourcing';
import type { EventRelayOptions } from '../relay/relay-options';
import type { AppendMetadata } from '../store/append-metadata';
import type { NewStreamEntry } from '../store/event-store';
import type { ExpectedVersion } from '../store/expected-version';
import type { PartEntry } from './append-parts';

/** What the worker needs to open its own store and relay: plain values, validated by the service's config at start-up. */
export interface EventStoreThreadSettings {
  /** Names the thread in logs, metrics and the Kafka client id, e.g. `sharing-views`. */
  name: string;
  serviceName: string;
  logLevel: string;
  mongoUri: string;
  kafka: KafkaConfig;
  /** The store's own collections; never those of the service's main store (each store has one relay). */
  collectionPrefix: string;
  relayTuning?: Pick<EventRelayOptions, 'batchSize' | 'idleMinDelayMs' | 'idleMaxDelayMs' | 'leaseTtlMs'>;
  /**
   * Linux nice value for the worker thread alone (0–19; 0 leaves it as is): under CPU contention the service's own
   * event loop is scheduled first and recording catches up when load drops (what it appends meanwhile waits in the
   * caller's bounded buffer).
   */
  niceness?: number;
}

export type ThreadRequest =
  | {
      kind: 'append';
      id: number;
      streamId: string;
      expectedVersion: ExpectedVersion;
      events: readonly DomainEvent[];
      metadata: AppendMetadata;
    }
  | {
      kind: 'append-to-new-streams';
      id: number;
      entries: readonly NewStreamEntry[];
      metadata: Omit<AppendMetadata, 'aggregateId'>;
    }
  /** One part of a large append to new streams (see append-parts.ts); the worker keeps it until the last part. */
  | { kind: 'append-part'; id: number; part: PartEntry[] }
  /** Stores the parts posted under `id` as one append, if all `parts` of them arrived. */
  | {
      kind: 'append-parts-done';
      id: number;
      parts: number;
      metadata: Omit<AppendMetadata, 'aggregateId'>;
    }
  | { kind: 'close' };

/** An append's outcome without its envelopes: copying them back across threads would cost what the thread saves. */
export interface AppendedStream {
  streamId: string;
  version: number;
}

export interface ThreadStatus {
  /** The store answers appends. */
  storeReady: boolean;
  /** This replica's relay holds the lease and publishes. */
  leaseHeld: boolean;
  /** Events the relay published since the worker started. */
  published: number;
}

export type ThreadReply =
  | { kind: 'appended'; id: number; streams: AppendedStream[] }
  | { kind: 'failed'; id: number; error: { name: string; message: string } }
  | { kind: 'status'; status: ThreadStatus }
  | { kind: 'closed' };

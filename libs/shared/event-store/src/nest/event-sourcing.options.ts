import type { EventRelayOptions } from '../relay/relay-options';

export interface EventSourcingOptions {
  /** Prefix of the store's collections, e.g. `issuance_` gives `issuance_commits`. One per service. */
  collectionPrefix: string;
  /** Run the relay in this process (default true). Replicas share one lease, so only one publishes at a time. */
  relay?: boolean;
  /** Tuning passed to the relay (batch size, idle delays, lease TTL). */
  relayTuning?: Pick<EventRelayOptions, 'batchSize' | 'idleMinDelayMs' | 'idleMaxDelayMs' | 'leaseTtlMs'>;
}

export const EVENT_SOURCING_OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');

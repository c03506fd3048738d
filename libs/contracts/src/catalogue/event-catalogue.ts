import type { Topic } from '../topics';
import type { EventContract } from './event-contract';
import { ISSUANCE_EVENTS } from './issuance-events';
import { PARTNER_EVENTS } from './partner-events';
import { SHARING_EVENTS } from './sharing-events';
import { VERIFICATION_EVENTS } from './verification-events';

/** Every integration event credstream knows, by owning service. */
export const EVENT_CONTRACTS: readonly EventContract[] = [
  ...ISSUANCE_EVENTS,
  ...VERIFICATION_EVENTS,
  ...SHARING_EVENTS,
  ...PARTNER_EVENTS,
];

const byType = new Map(EVENT_CONTRACTS.map((contract) => [contract.type, contract]));

export function contractFor(type: string): EventContract | undefined {
  return byType.get(type);
}

/** The topic an event type travels on, or undefined for a type that is not an integration event. */
export function topicOf(type: string): Topic | undefined {
  return byType.get(type)?.topic;
}

export function contractsOn(topic: Topic): EventContract[] {
  return EVENT_CONTRACTS.filter((contract) => contract.topic === topic);
}

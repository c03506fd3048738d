import { topicOf } from '@credstream/contracts';

/**
 * Which topics a consumer reads for its event types. Normally the contracts' topic of each type;
 * `overrides` (event type -> topic) let tests and partner integrations read the same events from
 * another topic. Validation still checks placement against the contract topic the override stands for.
 */
export class TopicRouting {
  private readonly contractTopicByTopic = new Map<string, string>();

  constructor(
    readonly eventTypes: readonly string[],
    overrides: Readonly<Record<string, string>> = {},
  ) {
    for (const type of eventTypes) {
      const contractTopic = topicOf(type);
      const topic = overrides[type] ?? contractTopic;
      if (!topic) throw new Error(`no topic for event type "${type}": not in the event catalogue and not overridden`);
      this.contractTopicByTopic.set(topic, contractTopic ?? topic);
    }
  }

  /** The topics to subscribe to. */
  get topics(): string[] {
    return [...this.contractTopicByTopic.keys()];
  }

  /** The catalogue topic whose events `topic` carries, to validate placement against. */
  contractTopicOf(topic: string): string {
    return this.contractTopicByTopic.get(topic) ?? topic;
  }

  handles(type: string): boolean {
    return this.eventTypes.includes(type);
  }
}

import { contractsOn, EVENT_CONTRACTS } from '../catalogue/event-catalogue';
import type { EventContract, JsonSchema } from '../catalogue/event-contract';
import { EVENT_CONTENT_TYPE, EVENT_HEADERS } from '../envelope';
import { ENVELOPE_SCHEMA } from '../envelope.schema';
import { TOPICS, Topic } from '../topics';

const EXAMPLE_ENVELOPE = {
  id: '01932c8e-7a3b-7cde-8f01-23456789abcd',
  aggregateId: '01932c8e-0000-7000-8000-000000000003',
  aggregateVersion: 1,
  tenantId: 'uni-lisbon',
  occurredAt: '2026-06-30T10:00:00.000Z',
  correlationId: '5f0c6a3e-2f4b-4b8e-9d1a-3c2b1a0f9e8d',
  causationId: null,
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

/** camelCase identifier for a topic or event type: `credential.issued.v1` -> `credentialIssuedV1`. */
function identifier(name: string): string {
  return name.replace(/[.-]([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
}

function payloadSchema(contract: EventContract): JsonSchema {
  const { $id: _id, title: _title, ...envelope } = ENVELOPE_SCHEMA;
  const properties = envelope['properties'] as Record<string, JsonSchema>;
  return {
    ...envelope,
    properties: {
      ...properties,
      type: { type: 'string', const: contract.type },
      source: contract.source === 'partner' ? properties['source'] : { type: 'string', const: contract.source },
      aggregateType: { type: 'string', const: contract.aggregateType },
      data: contract.dataSchema,
    },
  };
}

const HEADERS_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    [EVENT_HEADERS.id]: { type: 'string', description: 'the envelope id' },
    [EVENT_HEADERS.type]: { type: 'string', description: 'the envelope type' },
    [EVENT_HEADERS.source]: { type: 'string', description: 'the envelope source' },
    [EVENT_HEADERS.contentType]: { type: 'string', const: EVENT_CONTENT_TYPE },
    [EVENT_HEADERS.traceparent]: { type: 'string', description: 'W3C trace context' },
    [EVENT_HEADERS.tracestate]: { type: 'string', description: 'W3C trace state' },
  },
};

function message(contract: EventContract): JsonSchema {
  const source = contract.source === 'partner' ? 'partner:lms-example' : contract.source;
  return {
    name: contract.type,
    title: contract.type,
    summary: contract.summary,
    contentType: EVENT_CONTENT_TYPE,
    headers: HEADERS_SCHEMA,
    payload: payloadSchema(contract),
    bindings: { kafka: { key: { type: 'string', description: 'aggregateId' }, bindingVersion: '0.5.0' } },
    examples: [
      {
        name: identifier(contract.type),
        payload: {
          ...EXAMPLE_ENVELOPE,
          type: contract.type,
          source,
          aggregateType: contract.aggregateType,
          data: contract.example,
        },
      },
    ],
  };
}

const PARTNER_TOPICS: readonly Topic[] = [TOPICS.partnerLearning, TOPICS.partnerEmployment];

/** The AsyncAPI 3 description of every credstream topic, generated from the contracts (docs/asyncapi.yaml). */
export function buildAsyncApiDocument(version: string): Record<string, unknown> {
  const topics = Object.values(TOPICS);
  const channels = Object.fromEntries(
    topics.map((topic) => [
      identifier(topic),
      {
        address: topic,
        title: topic,
        description: PARTNER_TOPICS.includes(topic)
          ? 'Inbound topic produced by partner systems; keyed by aggregateId.'
          : `Owned by the ${topic.split('.')[0]} service; keyed by aggregateId so one aggregate's events keep their order.`,
        messages: Object.fromEntries(
          contractsOn(topic).map((contract) => [
            identifier(contract.type),
            { $ref: `#/components/messages/${identifier(contract.type)}` },
          ]),
        ),
        bindings: { kafka: { topic, bindingVersion: '0.5.0' } },
      },
    ]),
  );
  const operations = Object.fromEntries(
    topics.map((topic) => {
      const inbound = PARTNER_TOPICS.includes(topic);
      return [
        `${inbound ? 'receive' : 'send'}${identifier(`-${topic}`)}`,
        {
          action: inbound ? 'receive' : 'send',
          channel: { $ref: `#/channels/${identifier(topic)}` },
          summary: inbound ? `credstream consumes ${topic}` : `credstream publishes ${topic}`,
          messages: contractsOn(topic).map((contract) => ({
            $ref: `#/channels/${identifier(topic)}/messages/${identifier(contract.type)}`,
          })),
        },
      ];
    }),
  );
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'credstream events',
      version,
      description:
        'Integration events of credstream. Every message is a JSON event envelope; `data` follows the event type’s schema. ' +
        'Generated from libs/contracts by `npm run asyncapi`; see docs/events.md.',
      license: { name: 'Apache-2.0' },
    },
    defaultContentType: EVENT_CONTENT_TYPE,
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'tools/infra on a developer machine' },
    },
    channels,
    operations,
    components: {
      messages: Object.fromEntries(EVENT_CONTRACTS.map((contract) => [identifier(contract.type), message(contract)])),
    },
  };
}

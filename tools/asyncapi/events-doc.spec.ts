import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CONTRACTS, TOPICS, validateEvent } from '@credstream/contracts';

const eventsDoc = readFileSync(join(__dirname, '..', '..', 'docs', 'events.md'), 'utf8');

describe('docs/events.md', () => {
  it.each(EVENT_CONTRACTS.map((contract) => contract.type))('lists %s in the catalogue', (type) => {
    expect(eventsDoc).toContain(`| \`${type}\` |`);
  });

  it.each(Object.values(TOPICS))('describes topic %s', (topic) => {
    expect(eventsDoc).toContain(`| \`${topic}\` |`);
  });

  it('gives a partner example that validates', () => {
    const example = /```json\n([\s\S]+?)\n```/.exec(eventsDoc)?.[1];
    expect(example).toBeDefined();
    expect(validateEvent(JSON.parse(example!), { topic: TOPICS.partnerLearning })).toMatchObject({ valid: true });
  });
});

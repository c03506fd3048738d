import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { EVENT_CONTRACTS, TOPICS } from '@credstream/contracts';
import { ASYNCAPI_PATH, renderAsyncApiYaml } from './asyncapi-yaml';

const WARNING = 1; // @asyncapi/parser diagnostic severities: 0 error, 1 warning, 2 info, 3 hint

describe('docs/asyncapi.yaml', () => {
  const committed = readFileSync(ASYNCAPI_PATH, 'utf8');

  it('matches the contracts (run `npm run asyncapi` after changing one)', () => {
    expect(committed).toBe(renderAsyncApiYaml());
  });

  it('is a valid AsyncAPI 3 document describing every topic and event type', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity <= WARNING)).toEqual([]);
    expect(document?.version()).toBe('3.1.0');
    const addresses = document!
      .channels()
      .all()
      .map((channel) => channel.address());
    expect(addresses.sort()).toEqual(Object.values(TOPICS).sort());
    const names = document!
      .messages()
      .all()
      .map((message) => message.name());
    expect(names.sort()).toEqual(EVENT_CONTRACTS.map((contract) => contract.type).sort());
  });
});

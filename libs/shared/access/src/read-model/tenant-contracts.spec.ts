import { contractFor } from '@credstream/contracts';
import { API_KEY_SCOPES } from '../api-key/api-key-scopes';
import { ACCESS_EVENT_TYPES } from './api-key.projection';

describe('the tenant events the key directory is fed from', () => {
  it('are catalogue contracts on the issuance tenant topic', () => {
    for (const type of ACCESS_EVENT_TYPES) {
      expect(contractFor(type)).toMatchObject({ topic: 'issuance.tenant.v1', source: 'issuance' });
    }
  });

  it('carry the key hash and scopes, and nothing that could be a secret', () => {
    const schema = contractFor('api-key.created.v1')!.dataSchema as {
      properties: Record<string, { enum?: string[]; items?: { enum?: string[] } }>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual(['hash', 'keyId', 'name', 'prefix', 'scopes']);
    expect(schema.properties['scopes']!.items!.enum).toEqual([...API_KEY_SCOPES]);
  });
});

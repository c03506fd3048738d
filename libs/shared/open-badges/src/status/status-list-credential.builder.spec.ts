import { BitstringStatusList } from './bitstring-status-list';
import { buildStatusListCredential, buildStatusListEntry } from './status-list-credential.builder';

describe('status list credential', () => {
  it('builds a BitstringStatusListCredential per the spec', () => {
    const encodedList = BitstringStatusList.create().encode();
    expect(
      buildStatusListCredential({
        id: 'https://credstream.example/status/a/revocation/1',
        issuer: 'did:web:credstream.example:issuers:a',
        statusPurpose: 'revocation',
        encodedList,
        validFrom: new Date('2026-07-01T10:00:00.123Z'),
        ttl: 300_000,
      }),
    ).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'https://credstream.example/status/a/revocation/1',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:web:credstream.example:issuers:a',
      validFrom: '2026-07-01T10:00:00Z',
      credentialSubject: {
        id: 'https://credstream.example/status/a/revocation/1#list',
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList,
        ttl: 300_000,
      },
    });
  });

  it('builds entries with a string index and an id naming the list and index', () => {
    expect(
      buildStatusListEntry({
        statusListCredential: 'https://x.example/s/1',
        statusListIndex: 0,
        statusPurpose: 'suspension',
      }),
    ).toEqual({
      id: 'https://x.example/s/1#0',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'suspension',
      statusListIndex: '0',
      statusListCredential: 'https://x.example/s/1',
    });
    expect(() =>
      buildStatusListEntry({ statusListCredential: 'x', statusListIndex: -1, statusPurpose: 'revocation' }),
    ).toThrow();
  });
});

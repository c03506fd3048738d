import { InvalidDidError, didWebFor, didWebUrl, splitDidUrl } from './did-web';

describe('did:web', () => {
  it.each([
    ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com%3A3000', 'https://example.com:3000/.well-known/did.json'],
    ['did:web:example.com%3A3000:issuers:abc', 'https://example.com:3000/issuers/abc/did.json'],
  ])('resolves %s to %s', (did, url) => {
    expect(didWebUrl(did)).toBe(url);
  });

  it('builds DIDs from a base URL and path segments, percent-encoding the port', () => {
    expect(didWebFor('https://w3c-ccg.github.io')).toBe('did:web:w3c-ccg.github.io');
    expect(didWebFor('https://w3c-ccg.github.io/', ['user', 'alice'])).toBe('did:web:w3c-ccg.github.io:user:alice');
    expect(didWebFor('https://Example.com:3000', ['issuers', 'a b'])).toBe('did:web:example.com%3A3000:issuers:a%20b');
    expect(didWebFor('https://example.com/tenants', ['x'])).toBe('did:web:example.com:tenants:x');
  });

  it('round-trips a DID built for a base URL', () => {
    const did = didWebFor('https://issuer.example:8443', ['issuers', '5d1c1f0e']);
    expect(didWebUrl(did)).toBe('https://issuer.example:8443/issuers/5d1c1f0e/did.json');
  });

  it('allows plain http only for loopback hosts and only when asked', () => {
    expect(() => didWebFor('http://localhost:3001', ['issuers', 'a'])).toThrow(InvalidDidError);
    expect(() => didWebFor('http://dev.example.com', [], { allowHttp: true })).toThrow(InvalidDidError);
    const did = didWebFor('http://localhost:3001', ['issuers', 'a'], { allowHttp: true });
    expect(did).toBe('did:web:localhost%3A3001:issuers:a');
    expect(didWebUrl(did)).toBe('https://localhost:3001/issuers/a/did.json');
    expect(didWebUrl(did, { allowHttp: true })).toBe('http://localhost:3001/issuers/a/did.json');
    expect(didWebUrl('did:web:example.com', { allowHttp: true })).toBe('https://example.com/.well-known/did.json');
  });

  it.each([
    'did:key:z6Mk',
    'did:web:',
    'did:web:exa mple.com',
    'did:web:example.com::x',
    'did:web:example.com:..',
    'did:web:example.com%3Aport',
    'did:web:a.com:b%2Fc',
  ])('refuses %s', (did) => {
    expect(() => didWebUrl(did)).toThrow(InvalidDidError);
  });

  it('refuses non-https base URLs', () => {
    expect(() => didWebFor('ftp://example.com')).toThrow(InvalidDidError);
    expect(() => didWebFor('not a url')).toThrow(InvalidDidError);
  });

  it('splits DID URLs into DID and fragment', () => {
    expect(splitDidUrl('did:web:example.com:issuers:a#key-1')).toEqual({
      did: 'did:web:example.com:issuers:a',
      fragment: 'key-1',
    });
    expect(splitDidUrl('did:web:example.com')).toEqual({ did: 'did:web:example.com' });
  });
});

export class InvalidDidError extends Error {
  override readonly name = 'InvalidDidError';
}

export interface DidWebOptions {
  /** Plain http, for a loopback host in development only; did:web itself always means https. */
  allowHttp?: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

/**
 * The did:web DID for a base URL and path segments: `https://example.com:3000` + ['issuers', 'abc'] →
 * `did:web:example.com%3A3000:issuers:abc`. The port's colon is percent-encoded; segments are
 * percent-encoded so none can contain a colon.
 */
export function didWebFor(baseUrl: string, pathSegments: readonly string[] = [], options: DidWebOptions = {}): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InvalidDidError(`not a URL: ${baseUrl}`);
  }
  if (url.protocol === 'http:') {
    if (!options.allowHttp || !LOOPBACK_HOSTS.has(url.hostname)) {
      throw new InvalidDidError('did:web needs https; http is allowed only for a loopback host when enabled');
    }
  } else if (url.protocol !== 'https:') {
    throw new InvalidDidError(`did:web needs an https URL, got ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InvalidDidError('the base URL must not carry credentials, a query or a fragment');
  }
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const segments = [...url.pathname.split('/').filter(Boolean).map(decodeURIComponent), ...pathSegments];
  if (segments.some((segment) => segment.length === 0)) throw new InvalidDidError('empty path segment');
  return ['did:web', host, ...segments.map((segment) => encodeURIComponent(segment))].join(':');
}

/** Splits a DID URL (`did:web:x#key-1`) into the DID and its fragment. */
export function splitDidUrl(didUrl: string): { did: string; fragment?: string } {
  const hash = didUrl.indexOf('#');
  const withoutFragment = hash < 0 ? didUrl : didUrl.slice(0, hash);
  const query = withoutFragment.search(/[?/]/);
  const did = query < 0 ? withoutFragment : withoutFragment.slice(0, query);
  return hash < 0 ? { did } : { did, fragment: didUrl.slice(hash + 1) };
}

/**
 * The URL of a did:web DID's document per the did:web method spec: colons become slashes, a percent-encoded
 * port is decoded, `/.well-known` is used when there is no path, then `/did.json` is appended.
 */
export function didWebUrl(did: string, options: DidWebOptions = {}): string {
  if (!did.startsWith('did:web:')) throw new InvalidDidError(`not a did:web DID: ${did}`);
  const [encodedHost, ...segments] = did.slice('did:web:'.length).split(':');
  const hostAndPort = decodeURIComponent(encodedHost ?? '');
  const portAt = hostAndPort.lastIndexOf(':');
  const host = portAt < 0 ? hostAndPort : hostAndPort.slice(0, portAt);
  const port = portAt < 0 ? undefined : hostAndPort.slice(portAt + 1);
  if (!HOST.test(host) || (port !== undefined && !/^\d{1,5}$/.test(port))) {
    throw new InvalidDidError(`invalid did:web host: ${hostAndPort}`);
  }
  if (segments.some((s) => s.length === 0 || /[/?#]/.test(s) || s === '.' || s === '..' || /%2f/i.test(s))) {
    throw new InvalidDidError(`invalid did:web path: ${did}`);
  }
  const scheme = options.allowHttp && LOOPBACK_HOSTS.has(host) ? 'http' : 'https';
  const path = segments.length > 0 ? `/${segments.join('/')}` : '/.well-known';
  return `${scheme}://${hostAndPort}${path}/did.json`;
}

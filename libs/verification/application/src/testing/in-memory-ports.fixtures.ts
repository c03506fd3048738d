import type { KnownCredentialStatus, PublicJwk } from '@credstream/verification/domain';
import type { Clock } from '../ports/clock.port';
import type { IssuerDirectory, KnownIssuer } from '../ports/issuer-directory.port';
import type { KeyResolution, KeyResolver } from '../ports/key-resolver.port';
import type { FetchedStatusList, StatusListFetcher } from '../ports/status-list-fetcher.port';

/** did:web / https keys by kid, as a resolver would find them in DID documents. */
export class InMemoryKeyResolver implements KeyResolver {
  readonly keys = new Map<string, PublicJwk>();
  readonly resolved: string[] = [];

  async resolve(kid: string): Promise<KeyResolution> {
    this.resolved.push(kid);
    if (!kid.startsWith('did:web:') && !kid.startsWith('https://')) {
      return { ok: false, failure: { code: 'DID_METHOD_UNSUPPORTED', message: `cannot resolve ${kid}` } };
    }
    const jwk = this.keys.get(kid);
    return jwk ? { ok: true, jwk } : { ok: false, failure: { code: 'KEY_NOT_FOUND', message: `no key ${kid}` } };
  }
}

export class InMemoryStatusListFetcher implements StatusListFetcher {
  readonly documents = new Map<string, string>();
  readonly fetched: string[] = [];

  async fetch(url: string): Promise<FetchedStatusList> {
    this.fetched.push(url);
    const document = this.documents.get(url);
    return document === undefined ? { ok: false, message: 'connection refused' } : { ok: true, document };
  }
}

export class InMemoryIssuerDirectory implements IssuerDirectory {
  readonly issuers = new Map<string, KnownIssuer>();
  readonly statuses = new Map<string, KnownCredentialStatus>();

  async findIssuer(issuerId: string): Promise<KnownIssuer | undefined> {
    return this.issuers.get(issuerId);
  }

  async credentialStatus(_issuerId: string, credentialId: string): Promise<KnownCredentialStatus | undefined> {
    return this.statuses.get(credentialId);
  }
}

export class FixedClock implements Clock {
  constructor(public current: Date) {}

  now(): Date {
    return new Date(this.current.getTime());
  }
}

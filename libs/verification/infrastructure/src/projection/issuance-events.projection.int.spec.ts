import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import type { EventEnvelope } from '@credstream/contracts';
import { createPrivateInfra, type PrivateInfra } from '@credstream/testing';
import { IssuanceEventsProjection } from './issuance-events.projection';
import { IssuerReadModels } from './issuer-read-models';
import { MongoIssuerDirectory } from './mongo-issuer.directory';

const JWK_1 = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};
const JWK_2 = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };

/** The read models of issuance events on a private FerretDB: idempotent, version-checked, cached lookups. */
describe('issuance events projection and issuer directory on FerretDB', () => {
  let mongo: PrivateInfra;
  let connection: Connection;
  let models: IssuerReadModels;
  let now = 0;

  const envelope = (type: string, aggregateId: string, aggregateVersion: number, data: object): EventEnvelope => ({
    id: randomUUID(),
    type,
    source: 'issuance',
    aggregateType: type.split('.')[0],
    aggregateId,
    aggregateVersion,
    tenantId: 'uni-test',
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    data,
  });

  beforeAll(async () => {
    mongo = await createPrivateInfra('mongo');
    await mongo.start();
    connection = await mongoose.createConnection(mongo.serviceEnv['MONGODB_URI']).asPromise();
  }, 120_000);

  beforeEach(() => {
    models = new IssuerReadModels(connection, `t${randomUUID().slice(0, 8)}_`);
  });

  afterAll(async () => {
    await connection?.close();
    await mongo?.dispose();
  }, 60_000);

  it('knows an issuer, its rotated and active keys and its tenant; a redelivery or stale event changes nothing', async () => {
    const directory = new MongoIssuerDirectory(models, { ttlMs: 60_000, now: () => now });
    const projection = new IssuanceEventsProjection(models, directory);
    const issuerId = randomUUID();
    const did = `did:web:credstream.example:issuers:${issuerId}`;
    const created = envelope('issuer.created.v1', issuerId, 1, { issuerId, did, name: 'Faculty of Science' });
    const key1 = envelope('issuer.key-activated.v1', issuerId, 2, {
      issuerId,
      kid: `${did}#key-1`,
      alg: 'ES256',
      publicKeyJwk: JWK_1,
      replacesKid: null,
    });
    const key2 = envelope('issuer.key-activated.v1', issuerId, 3, {
      issuerId,
      kid: `${did}#key-2`,
      alg: 'EdDSA',
      publicKeyJwk: JWK_2,
      replacesKid: `${did}#key-1`,
    });

    expect(await directory.findIssuer(did)).toBeUndefined();
    expect(await projection.issuerCreated(created)).toBe('applied');
    expect(await projection.keyActivated(key1)).toBe('applied');
    expect(await projection.keyActivated(key2)).toBe('applied');
    expect(await projection.keyActivated(key1)).toBe('stale');
    expect(await projection.issuerCreated({ ...created, data: { issuerId, did, name: 'Renamed' } })).toBe('stale');

    expect(await directory.findIssuer(did)).toEqual({
      did,
      keys: { [`${did}#key-1`]: JWK_1, [`${did}#key-2`]: JWK_2 },
      tenantId: 'uni-test',
      name: 'Faculty of Science',
    });
    const stored = await models.issuers.findOne({ _id: issuerId });
    expect(stored).toMatchObject({ aggregateVersion: 3, activeKid: `${did}#key-2` });
  }, 30_000);

  it('refuses a key with private members', async () => {
    const projection = new IssuanceEventsProjection(models);
    const issuerId = randomUUID();
    const leaked = envelope('issuer.key-activated.v1', issuerId, 2, {
      issuerId,
      kid: 'did:web:x#key-1',
      alg: 'ES256',
      publicKeyJwk: { ...JWK_1, d: 'secret' },
      replacesKid: null,
    });
    expect(await projection.keyActivated(leaked)).toBe('stale');
    expect(await models.issuers.findOne({ _id: issuerId })).toBeNull();
  });

  it('tells revoked and suspended credentials at once, caches the rest, and never mixes up issuers', async () => {
    const directory = new MongoIssuerDirectory(models, { ttlMs: 60_000, now: () => now });
    const projection = new IssuanceEventsProjection(models, directory);
    const issuerDid = 'did:web:credstream.example:issuers:a';
    const credentialId = randomUUID();
    const urn = `urn:uuid:${credentialId.toUpperCase()}`;

    expect(await directory.credentialStatus(issuerDid, urn)).toEqual({ revoked: false, suspended: false });
    await projection.credentialIssued(envelope('credential.issued.v1', credentialId, 1, { credentialId, issuerDid }));
    await projection.credentialSuspended(envelope('credential.suspended.v1', credentialId, 2, { credentialId }));
    expect(await directory.credentialStatus(issuerDid, urn)).toEqual({ revoked: false, suspended: true });
    await projection.credentialReinstated(envelope('credential.reinstated.v1', credentialId, 3, { credentialId }));
    expect(await directory.credentialStatus(issuerDid, urn)).toEqual({ revoked: false, suspended: false });
    const revoked = envelope('credential.revoked.v1', credentialId, 4, {
      credentialId,
      revokedAt: '2026-09-01T12:00:00.000Z',
    });
    expect(await projection.credentialRevoked(revoked)).toBe('applied');
    expect(await projection.credentialRevoked(revoked)).toBe('stale');
    expect(await directory.credentialStatus(issuerDid, urn)).toEqual({ revoked: true, suspended: false });
    expect(await directory.credentialStatus('did:web:someone.else', urn)).toBeUndefined();

    // Another instance's write is seen once the cache entry expires.
    const other = randomUUID();
    expect(await directory.credentialStatus(issuerDid, other)).toEqual({ revoked: false, suspended: false });
    await new IssuanceEventsProjection(models).credentialRevoked(
      envelope('credential.revoked.v1', other, 2, { credentialId: other, revokedAt: '2026-09-01T12:00:00.000Z' }),
    );
    expect(await directory.credentialStatus(issuerDid, other)).toEqual({ revoked: false, suspended: false });
    now += 60_001;
    expect(await directory.credentialStatus(issuerDid, other)).toEqual({ revoked: true, suspended: false });
  }, 30_000);

  it('reads an issuer once for all the verifications that miss the cache at the same time', async () => {
    const directory = new MongoIssuerDirectory(models, { ttlMs: 60_000, now: () => now });
    const reads = jest.spyOn(models.issuers, 'findOne');
    try {
      const found = await Promise.all(
        Array.from({ length: 20 }, () => directory.findIssuer('did:web:unknown.example')),
      );
      expect(found.every((issuer) => issuer === undefined)).toBe(true);
      expect(reads).toHaveBeenCalledTimes(1);
      await directory.findIssuer('did:web:unknown.example');
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });
});

import { compactVerify, importJWK } from 'jose';
import { InMemoryIssuerReadModel } from '../common/testing/in-memory-read-models';
import { InMemoryEventStore } from '../common/testing/in-memory-event-store';
import { TestSigningKeyVault } from '../common/testing/test-signing-key.vault';
import { CreateIssuerHandler } from './create-issuer/create-issuer.handler';
import { IssuerRepository } from './issuer-repository';
import { EventSourcedIssuerSigningService } from './issuer-signing.service';
import { IssuerQueries } from './queries/issuer.queries';
import { RevokeSigningKeyHandler } from './revoke-signing-key/revoke-signing-key.handler';
import { RotateSigningKeyHandler } from './rotate-signing-key/rotate-signing-key.handler';
import { UpdateIssuerProfileHandler } from './update-issuer-profile/update-issuer-profile.handler';

const A = { tenantId: 'uni-a', correlationId: 'c' };
const B = { tenantId: 'uni-b', correlationId: 'c' };

describe('issuer handlers', () => {
  let store: InMemoryEventStore;
  let vault: TestSigningKeyVault;
  let readModel: InMemoryIssuerReadModel;
  let repository: IssuerRepository;
  let create: CreateIssuerHandler;
  let rotate: RotateSigningKeyHandler;
  let signing: EventSourcedIssuerSigningService;
  let queries: IssuerQueries;

  beforeEach(() => {
    store = new InMemoryEventStore();
    vault = new TestSigningKeyVault();
    readModel = new InMemoryIssuerReadModel();
    repository = new IssuerRepository(store.asEventStore());
    create = new CreateIssuerHandler(
      store.asEventStore(),
      vault,
      (id) => `did:web:issuance.example:issuers:${id}`,
      repository,
      readModel,
    );
    rotate = new RotateSigningKeyHandler(store.asEventStore(), vault, repository, readModel);
    signing = new EventSourcedIssuerSigningService(repository, vault);
    queries = new IssuerQueries(repository, readModel);
  });

  const signAndVerify = async (issuerId: string) => {
    const signer = await signing.activeSigner('uni-a', issuerId);
    const input = `${Buffer.from(JSON.stringify({ alg: signer.alg, kid: signer.kid })).toString('base64url')}.e30`;
    const jws = `${input}.${Buffer.from(await signer.sign(Buffer.from(input))).toString('base64url')}`;
    const method = (await queries.didDocument(issuerId)).verificationMethod.find((m) => m.id === signer.kid);
    await compactVerify(jws, await importJWK(method!.publicKeyJwk, signer.alg));
    return signer;
  };

  it('creates an issuer with its did:web DID and an ES256 key-1 in one append, and lists it', async () => {
    const view = await create.execute({ profile: { name: ' Faculty ' } }, A);
    expect(view).toMatchObject({
      tenantId: 'uni-a',
      name: 'Faculty',
      did: `did:web:issuance.example:issuers:${view.issuerId}`,
      activeKid: `${view.did}#key-1`,
      version: 3,
    });
    expect(view.keys[0]).toMatchObject({
      alg: 'ES256',
      status: 'active',
      didKey: expect.stringMatching(/^did:key:zDn/),
    });
    expect(store.appends).toHaveLength(1);
    expect(store.appends[0]!.events.map((e) => e.type)).toEqual([
      'issuer.created.v1',
      'issuer.signing-key-added',
      'issuer.key-activated.v1',
    ]);
    expect(JSON.stringify(store.appends[0]!.events.filter((e) => e.type.endsWith('.v1')))).not.toContain('test-key-');
    expect(JSON.stringify(view)).not.toContain('test-key-');
    expect(await queries.list('uni-a')).toEqual([view]);
    expect(await queries.list('uni-b')).toEqual([]);
  });

  it('rotates: the new key signs from then on, the old key stays in the DID document', async () => {
    const { issuerId, did } = await create.execute({ profile: { name: 'Faculty' } }, A);
    expect((await signAndVerify(issuerId)).kid).toBe(`${did}#key-1`);
    const rotated = await rotate.execute(issuerId, 'RS256', A);
    expect(rotated.activeKid).toBe(`${did}#key-2`);
    expect(rotated.keys.map((k) => [k.kid, k.alg, k.status])).toEqual([
      [`${did}#key-1`, 'ES256', 'retired'],
      [`${did}#key-2`, 'RS256', 'active'],
    ]);
    expect(await signAndVerify(issuerId)).toMatchObject({ kid: `${did}#key-2`, alg: 'RS256' });
    expect((await queries.didDocument(issuerId)).assertionMethod).toEqual([`${did}#key-1`, `${did}#key-2`]);
    expect((await rotate.execute(issuerId, undefined, A)).keys[2]).toMatchObject({ alg: 'RS256', kid: `${did}#key-3` });
  });

  it('after revoking the active key, refuses to sign until a rotation adds a new one', async () => {
    const { issuerId, did } = await create.execute({ profile: { name: 'Faculty' } }, A);
    const revoke = new RevokeSigningKeyHandler(store.asEventStore(), repository, readModel);
    await revoke.execute(issuerId, { kid: 'key-1', reason: 'leaked' }, A);
    await expect(signing.activeSigner('uni-a', issuerId)).rejects.toMatchObject({ code: 'ISSUER_NO_ACTIVE_KEY' });
    expect((await queries.didDocument(issuerId)).verificationMethod).toEqual([]);
    const rotated = await rotate.execute(issuerId, undefined, A);
    expect(rotated.activeKid).toBe(`${did}#key-2`);
    await expect(revoke.execute(issuerId, { kid: 'key-1', reason: 'again' }, A)).rejects.toMatchObject({
      code: 'ISSUER_KEY_ALREADY_REVOKED',
    });
  });

  it("treats another tenant's issuer as unknown on every read and write", async () => {
    const { issuerId } = await create.execute({ profile: { name: 'Faculty' } }, A);
    const update = new UpdateIssuerProfileHandler(store.asEventStore(), repository, readModel);
    const revoke = new RevokeSigningKeyHandler(store.asEventStore(), repository, readModel);
    for (const attempt of [
      () => queries.get('uni-b', issuerId),
      () => signing.activeSigner('uni-b', issuerId),
      () => update.execute(issuerId, { name: 'Hijacked' }, B),
      () => rotate.execute(issuerId, undefined, B),
      () => revoke.execute(issuerId, { kid: 'key-1', reason: 'x' }, B),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'ISSUER_NOT_FOUND' });
    }
    expect((await queries.get('uni-a', issuerId)).version).toBe(3);
  });

  it('updates the profile only when it changed, honouring If-Match', async () => {
    const { issuerId } = await create.execute({ profile: { name: 'Faculty' } }, A);
    const update = new UpdateIssuerProfileHandler(store.asEventStore(), repository, readModel);
    expect((await update.execute(issuerId, { name: 'Faculty' }, A, 3)).version).toBe(3);
    await expect(update.execute(issuerId, { name: 'New' }, A, 2)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await update.execute(issuerId, { name: 'New', url: 'https://new.example' }, A, 3)).toMatchObject({
      name: 'New',
      url: 'https://new.example',
      version: 4,
    });
    expect((await queries.list('uni-a'))[0]).toMatchObject({ name: 'New', version: 4 });
    await expect(update.execute(issuerId, { name: 'x', url: 'ftp://x' }, A)).rejects.toMatchObject({
      code: 'ISSUER_URL_INVALID',
      details: { field: 'url' },
    });
  });
});

import { InMemoryAchievementReadModel, InMemoryIssuerReadModel } from '../common/testing/in-memory-read-models';
import { InMemoryEventStore } from '../common/testing/in-memory-event-store';
import { TestSigningKeyVault } from '../common/testing/test-signing-key.vault';
import { CreateIssuerHandler } from '../issuers/create-issuer/create-issuer.handler';
import { EventSourcedIssuingDirectory } from '../issuers/event-sourced-issuing.directory';
import { IssuerRepository } from '../issuers/issuer-repository';
import { AchievementRepository } from './achievement-repository';
import { ArchiveAchievementHandler } from './archive-achievement/archive-achievement.handler';
import { CreateAchievementHandler } from './create-achievement/create-achievement.handler';
import { EventSourcedAchievementLookup } from './event-sourced-achievement.lookup';
import { AchievementQueries } from './queries/achievement.queries';
import { ReviseAchievementHandler } from './revise-achievement/revise-achievement.handler';

const A = { tenantId: 'uni-a', correlationId: 'c' };
const B = { tenantId: 'uni-b', correlationId: 'c' };
const definition = {
  name: 'Data Analysis',
  description: 'Analyses data.',
  criteria: { narrative: 'Passed the project.' },
  achievementType: 'Course',
  imageUrl: 'https://uni.example/badge.png',
  tags: ['data'],
  alignments: [
    { targetName: 'data analytics', targetUrl: 'http://data.europa.eu/esco/skill/x', targetFramework: 'ESCO' },
  ],
  resultDescriptions: [{ id: 'urn:uuid:r1', name: 'Grade', resultType: 'Percent' }],
  creditsAvailable: 5,
};

describe('achievement handlers', () => {
  let store: InMemoryEventStore;
  let issuers: IssuerRepository;
  let repository: AchievementRepository;
  let readModel: InMemoryAchievementReadModel;
  let issuerList: InMemoryIssuerReadModel;
  let create: CreateAchievementHandler;
  let queries: AchievementQueries;
  let issuerId: string;
  let did: string;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    issuers = new IssuerRepository(store.asEventStore());
    repository = new AchievementRepository(store.asEventStore());
    readModel = new InMemoryAchievementReadModel();
    issuerList = new InMemoryIssuerReadModel();
    create = new CreateAchievementHandler(store.asEventStore(), issuers, repository, readModel);
    queries = new AchievementQueries(repository, readModel);
    const issuer = await new CreateIssuerHandler(
      store.asEventStore(),
      new TestSigningKeyVault(),
      (id) => `did:web:issuance.example:issuers:${id}`,
      issuers,
      issuerList,
    ).execute({ profile: { name: 'Data School', url: 'https://school.example' } }, A);
    issuerId = issuer.issuerId;
    did = issuer.did;
  });

  it('creates revision 1, revises to 2 with If-Match, keeps every revision, and archives', async () => {
    const created = await create.execute({ issuerId, definition }, A);
    expect(created).toMatchObject({ ...definition, issuerId, revision: 1, version: 1, archived: false });
    const revise = new ReviseAchievementHandler(store.asEventStore(), repository, readModel);
    await expect(revise.execute(created.achievementId, { ...definition, name: 'X' }, A, 7)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    const revised = await revise.execute(created.achievementId, { ...definition, description: 'More.' }, A, 1);
    expect(revised).toMatchObject({ revision: 2, version: 2, description: 'More.' });
    expect((await revise.execute(created.achievementId, { ...definition, description: 'More.' }, A)).revision).toBe(2);
    expect((await queries.revision('uni-a', created.achievementId, 1)).description).toBe('Analyses data.');
    await expect(queries.revision('uni-a', created.achievementId, 3)).rejects.toMatchObject({
      code: 'ACHIEVEMENT_NOT_FOUND',
      details: { field: 'revision' },
    });

    const archive = new ArchiveAchievementHandler(store.asEventStore(), repository, readModel);
    expect(await archive.execute(created.achievementId, A)).toMatchObject({ archived: true, revision: 2 });
    await expect(archive.execute(created.achievementId, A)).rejects.toMatchObject({ code: 'ACHIEVEMENT_ARCHIVED' });
    await expect(revise.execute(created.achievementId, definition, A)).rejects.toMatchObject({
      code: 'ACHIEVEMENT_ARCHIVED',
    });
    expect(await queries.list('uni-a')).toEqual([]);
    expect(await queries.list('uni-a', { includeArchived: true })).toHaveLength(1);
    expect(await new EventSourcedAchievementLookup(repository).find('uni-a', created.achievementId)).toMatchObject({
      archived: true,
      revision: 2,
    });
  });

  it("refuses another tenant's issuer, and hides the achievement from other tenants", async () => {
    await expect(create.execute({ issuerId, definition }, B)).rejects.toMatchObject({
      code: 'ISSUER_NOT_FOUND',
      details: { field: 'issuerId' },
    });
    const { achievementId } = await create.execute({ issuerId, definition }, A);
    await expect(queries.get('uni-b', achievementId)).rejects.toMatchObject({ code: 'ACHIEVEMENT_NOT_FOUND' });
    await expect(
      new ArchiveAchievementHandler(store.asEventStore(), repository, readModel).execute(achievementId, B),
    ).rejects.toMatchObject({ code: 'ACHIEVEMENT_NOT_FOUND' });
    expect(await new EventSourcedAchievementLookup(repository).find('uni-b', achievementId)).toBeUndefined();
  });

  it('gives issuing the OB 3.0 Achievement with its creator, and the issuer with its active key', async () => {
    const { achievementId } = await create.execute({ issuerId, definition }, A);
    const directory = new EventSourcedIssuingDirectory(issuers, repository, issuerList);
    expect(await directory.achievement('uni-a', achievementId)).toEqual({
      achievementId,
      tenantId: 'uni-a',
      issuerId,
      revision: 1,
      archived: false,
      achievement: {
        id: `urn:uuid:${achievementId}`,
        type: ['Achievement'],
        name: 'Data Analysis',
        description: 'Analyses data.',
        criteria: { narrative: 'Passed the project.' },
        achievementType: 'Course',
        image: { id: 'https://uni.example/badge.png', type: 'Image' },
        alignment: [{ type: ['Alignment'], ...definition.alignments[0] }],
        tag: ['data'],
        resultDescription: [{ type: ['ResultDescription'], id: 'urn:uuid:r1', name: 'Grade', resultType: 'Percent' }],
        creditsAvailable: 5,
        creator: { id: did, type: ['Profile'], name: 'Data School', url: 'https://school.example' },
        version: '1',
      },
    });
    expect(await directory.defaultIssuer('uni-a')).toMatchObject({
      issuerId,
      did,
      activeKey: { kid: `${did}#key-1`, alg: 'ES256', status: 'active', keyRef: expect.any(String) },
    });
    expect(await directory.issuer('uni-b', issuerId)).toBeUndefined();
    expect(await directory.defaultIssuer('uni-b')).toBeUndefined();
  });
});

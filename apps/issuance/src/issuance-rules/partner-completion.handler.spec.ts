import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  CredentialIssuer,
  IssueContextResolver,
  PartnerCompletionHandler,
  type CredentialReadModel,
  type CredentialSummary,
  type IssuanceRuleRepository,
  type IssuanceRuleView,
  type IssuingDirectory,
  type NewStreamEntry,
} from '@credstream/issuance/application';
import {
  AesGcmSigningKeyVault,
  Ob3SchemaDirectoryCheck,
  VaultCredentialSigner,
} from '@credstream/issuance/infrastructure';

const TENANT = 'uni-a';
const ISSUER_ID = randomUUID();
const ACHIEVEMENT_ID = randomUUID();
const DID = `did:web:localhost%3A3001:issuers:${ISSUER_ID}`;

const completion = (overrides: { email?: string; grade?: string; courseId?: string; id?: string } = {}) => ({
  id: overrides.id ?? randomUUID(),
  tenantId: TENANT,
  source: 'partner:moodle-uni-a',
  correlationId: randomUUID(),
  data: {
    learner: { email: overrides.email ?? 'ana.silva@example.org', name: 'Ana Silva' },
    course: { id: overrides.courseId ?? 'DATA-101', kind: 'course' as const },
    completedAt: '2026-06-29T16:00:00.000Z',
    grade: overrides.grade ?? '87',
  },
});

describe('partner-triggered issuance', () => {
  const claimed = new Map<string, CredentialSummary>();
  const appended: NewStreamEntry[] = [];
  let appendCalls = 0;
  let handler: PartnerCompletionHandler;
  const rule: IssuanceRuleView = {
    ruleId: randomUUID(),
    tenantId: TENANT,
    partnerCourseId: 'DATA-101',
    condition: { kind: 'minimum-score', minimum: 70 },
    achievementId: ACHIEVEMENT_ID,
    issuerId: ISSUER_ID,
    enabled: true,
  };

  beforeAll(async () => {
    const vault = new AesGcmSigningKeyVault({ masterKey: randomBytes(32) });
    const key = await vault.createKey();
    const directory: IssuingDirectory = {
      issuer: async () => ({
        issuerId: ISSUER_ID,
        tenantId: TENANT,
        did: DID,
        profile: { id: DID, type: ['Profile'], name: 'University A' },
        activeKey: { kid: `${DID}#key-1`, alg: 'ES256', keyRef: key.keyRef, status: 'active' },
      }),
      defaultIssuer: async () => undefined,
      achievement: async () => ({
        achievementId: ACHIEVEMENT_ID,
        tenantId: TENANT,
        issuerId: ISSUER_ID,
        revision: 1,
        archived: false,
        achievement: {
          id: `urn:uuid:${ACHIEVEMENT_ID}`,
          name: 'Data Analysis',
          description: 'Analyses data.',
          criteria: { narrative: 'Pass.' },
        },
      }),
    };
    const readModel: CredentialReadModel = {
      claim: async (summaries) =>
        new Set(
          summaries
            .filter((s) => !claimed.has(s.credentialId) && claimed.set(s.credentialId, s))
            .map((s) => s.credentialId),
        ),
      release: async (ids) => ids.forEach((id) => claimed.delete(id)),
      setStatus: async () => undefined,
      get: async (id) => claimed.get(id),
      search: async () => ({ items: [] }),
      count: async () => claimed.size,
    };
    const rules: IssuanceRuleRepository = {
      save: async () => undefined,
      disable: async () => undefined,
      get: async () => rule,
      list: async () => [rule],
      enabledForCourse: async (tenantId, courseId) =>
        tenantId === rule.tenantId && courseId === rule.partnerCourseId ? [rule] : [],
    };
    const issuer = new CredentialIssuer(
      readModel,
      {
        allocate: async (_o, purpose, count) =>
          Array.from({ length: count }, (_, i) => ({
            statusListId: `http://localhost:3001/status-lists/${ISSUER_ID}/${purpose}/1`,
            index: appended.length * 10 + i,
          })),
      },
      new VaultCredentialSigner(vault),
      new Ob3SchemaDirectoryCheck(resolve(process.cwd(), '../shared/standards/ob3/schemas')),
      {
        appendToNewStreams: async (entries) => {
          appendCalls++;
          appended.push(...entries);
        },
        exists: async (streamId) => appended.some((entry) => entry.streamId === streamId),
      },
    );
    handler = new PartnerCompletionHandler(rules, new IssueContextResolver(directory), issuer);
  });

  it('issues once per (rule, learner, course), however often the partner sends the completion', async () => {
    const first = await handler.handle(completion());
    expect(first).toEqual([{ ruleId: rule.ruleId, outcome: 'issued', credentialId: expect.any(String) }]);
    const repeated = await handler.handle(completion({ email: ' ANA.SILVA@example.org ', grade: '91' }));
    expect(repeated).toEqual([{ ruleId: rule.ruleId, outcome: 'skipped', credentialId: first[0].credentialId }]);
    expect(appended).toHaveLength(1);
    expect(appended[0].events[0]).toMatchObject({
      type: 'credential.issued.v1',
      data: { trigger: { kind: 'partner' }, recipientEmail: 'ana.silva@example.org' },
    });
  });

  it('issues nothing for a low grade or another course', async () => {
    expect(await handler.handle(completion({ email: 'bo@example.org', grade: '69' }))).toEqual([
      { ruleId: rule.ruleId, outcome: 'not-matched' },
    ]);
    expect(await handler.handle(completion({ email: 'bo@example.org', courseId: 'OTHER' }))).toEqual([]);
  });

  it('refuses a learner email that cannot receive a credential with a coded error (dead-lettered)', async () => {
    await expect(handler.handle(completion({ email: 'not-an-address' }))).rejects.toMatchObject({
      code: 'RECIPIENT_EMAIL_INVALID',
    });
  });

  it('issues a batch of completions in one commit per rule, each credential caused by its own completion', async () => {
    const before = { entries: appended.length, calls: appendCalls };
    const cleo = completion({ email: 'cleo@example.org' });
    const batch = [
      cleo,
      completion({ email: 'not-an-address' }),
      { ...cleo, id: randomUUID() },
      completion({ email: 'dan@example.org', grade: '50' }),
      completion({ email: 'eve@example.org' }),
    ];
    const outcome = await handler.handleBatch(
      batch.map((event, index) => ({
        event,
        trace: { traceparent: `00-${'1'.repeat(31)}${index}-${'2'.repeat(16)}-01` },
      })),
    );

    expect(outcome.failures).toEqual([
      { index: 1, error: expect.objectContaining({ code: 'RECIPIENT_EMAIL_INVALID' }) },
    ]);
    expect(outcome.results.map((results) => results.map((result) => result.outcome))).toEqual([
      ['issued'],
      [],
      ['skipped'],
      ['not-matched'],
      ['issued'],
    ]);
    expect(outcome.results[2][0].credentialId).toBe(outcome.results[0][0].credentialId);
    expect(appendCalls - before.calls).toBe(1);
    const entries = appended.slice(before.entries);
    expect(entries.map((entry) => entry.cause)).toEqual([
      {
        correlationId: cleo.correlationId,
        causationId: cleo.id,
        trace: { traceparent: expect.stringMatching(/0-2+-01$/) },
      },
      {
        correlationId: batch[4].correlationId,
        causationId: batch[4].id,
        trace: { traceparent: expect.stringMatching(/4-2+-01$/) },
      },
    ]);
    expect(entries[1].events[0]).toMatchObject({ data: { trigger: { kind: 'partner', reference: batch[4].id } } });

    const again = await handler.handleBatch(batch.map((event) => ({ event })));
    expect(again.results.flat().filter((result) => result.outcome === 'issued')).toEqual([]);
    expect(appended).toHaveLength(before.entries + 2);
  });
});

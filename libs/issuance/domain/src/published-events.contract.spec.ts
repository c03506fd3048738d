import type { Decider, DomainCommand, DomainEvent } from '@credstream/event-sourcing';
import { evolveAll } from '@credstream/event-sourcing';
import { contractFor, validateEvent } from '@credstream/contracts';
import { achievementDecider } from './achievement/achievement.decider';
import { credentialDecider } from './credential/credential.decider';
import { issuanceRuleDecider } from './issuance-rule/issuance-rule.decider';
import { issuerDecider } from './issuer/issuer.decider';
import { statusListDecider } from './status-list/status-list.decider';
import { tenantDecider } from './tenant/tenant.decider';

// Published events are validated against their contract when appended (ADR 4): whatever the deciders emit
// under a catalogue type must pass, and internal types must stay out of the catalogue.

const ISSUER_ID = '01932c8e-0000-7000-8000-000000000001';
const ACHIEVEMENT_ID = '01932c8e-0000-7000-8000-000000000002';
const CREDENTIAL_ID = '01932c8e-0000-7000-8000-000000000003';
const DID = `did:web:credstream.example:issuers:${ISSUER_ID}`;
const KID = `${DID}#key-1`;
const LIST = `https://credstream.example/status/${ISSUER_ID}/revocation/1`;
const AT = '2026-06-30T00:00:00.000Z';
const segment = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = `${segment({ alg: 'ES256', kid: KID, typ: 'JWT' })}.${segment({ jti: `urn:uuid:${CREDENTIAL_ID}` })}.c2ln`;

function run<C extends DomainCommand, E extends DomainEvent, S>(decider: Decider<C, E, S>, commands: C[]): E[] {
  const events: E[] = [];
  for (const command of commands) events.push(...decider.decide(command, evolveAll(decider, events)));
  return events;
}

const aggregateTypes: Record<string, string> = {
  tenant: 'tenant',
  'api-key': 'tenant',
  issuer: 'issuer',
  achievement: 'achievement',
  credential: 'credential',
};

const emitted: DomainEvent[] = [
  ...run(tenantDecider, [
    { type: 'create-tenant', data: { tenantId: 'uni-lisbon', name: 'University of Lisbon', country: 'PT' } },
    {
      type: 'create-api-key',
      data: { keyId: 'key_01', name: 'registrar', prefix: 'cs_4f2a', hash: 'a'.repeat(64), scopes: ['issue'] },
    },
    { type: 'record-api-key-use', data: { keyId: 'key_01', usedAt: AT, minIntervalMs: 0 } },
    { type: 'revoke-api-key', data: { keyId: 'key_01' } },
  ]),
  ...run(issuerDecider, [
    {
      type: 'create-issuer',
      data: {
        issuerId: ISSUER_ID,
        tenantId: 'uni-lisbon',
        did: DID,
        profile: { name: 'Ciências', email: 'a@b.example' },
      },
    },
    { type: 'update-issuer-profile', data: { profile: { name: 'Faculdade de Ciências' } } },
    { type: 'add-signing-key', data: { fragment: 'key-1', alg: 'ES256', publicJwk: { kty: 'EC' }, keyRef: 'csk1.x' } },
    {
      type: 'rotate-signing-key',
      data: { fragment: 'key-2', alg: 'RS256', publicJwk: { kty: 'RSA' }, keyRef: 'csk1.y' },
    },
    { type: 'revoke-signing-key', data: { kid: 'key-1', reason: 'leaked', revokedAt: AT } },
  ]),
  ...run(achievementDecider, [
    {
      type: 'create-achievement',
      data: {
        achievementId: ACHIEVEMENT_ID,
        tenantId: 'uni-lisbon',
        issuerId: ISSUER_ID,
        definition: {
          name: 'Data Analysis',
          description: 'Analyses data.',
          criteria: { narrative: 'Pass.', id: 'https://uni.example/criteria' },
          achievementType: 'Course',
          imageUrl: 'https://uni.example/badge.png',
          tags: ['data'],
          alignments: [
            { targetName: 'data analytics', targetUrl: 'http://data.europa.eu/esco/skill/1', targetFramework: 'ESCO' },
          ],
          resultDescriptions: [{ id: 'urn:uuid:1', name: 'Grade', resultType: 'Percent' }],
          creditsAvailable: 6,
        },
      },
    },
    {
      type: 'revise-achievement',
      data: {
        definition: {
          name: 'Data Analysis',
          description: 'Analyses data with pandas.',
          criteria: { narrative: 'Pass.' },
        },
      },
    },
    { type: 'archive-achievement', data: {} },
  ]),
  ...run(credentialDecider, [
    {
      type: 'issue-credential',
      data: {
        credentialId: CREDENTIAL_ID,
        tenantId: 'uni-lisbon',
        issuer: { issuerId: ISSUER_ID, did: DID, kid: KID, keyStatus: 'active' },
        achievement: { achievementId: ACHIEVEMENT_ID, revision: 1, archived: false },
        recipient: { kind: 'email', email: 'ana@example.org', salt: 'salt' },
        cohort: '2026-spring',
        validFrom: AT,
        validUntil: '2028-06-30T00:00:00.000Z',
        status: { revocation: { statusListId: LIST, index: 3 }, suspension: { statusListId: `${LIST}s`, index: 4 } },
        issuedAt: AT,
        jwt: JWT,
        trigger: { kind: 'bulk', reference: 'batch-1' },
      },
    },
    { type: 'suspend-credential', data: { reason: 'review', suspendedAt: AT } },
    { type: 'reinstate-credential', data: { reinstatedAt: AT } },
    { type: 'revoke-credential', data: { reason: 'issued in error', revokedAt: AT } },
  ]),
  ...run(statusListDecider, [
    {
      type: 'create-status-list',
      data: { statusListId: LIST, tenantId: 'uni-lisbon', issuerId: ISSUER_ID, purpose: 'revocation', size: 131_072 },
    },
    { type: 'allocate-status-indexes', data: { indexes: [3] } },
    { type: 'set-status', data: { index: 3 } },
  ]),
  ...run(issuanceRuleDecider, [
    {
      type: 'define-issuance-rule',
      data: {
        ruleId: CREDENTIAL_ID,
        tenantId: 'uni-lisbon',
        partnerCourseId: 'DATA-101',
        achievementId: ACHIEVEMENT_ID,
        issuerId: ISSUER_ID,
      },
    },
    { type: 'disable-issuance-rule', data: { disabledAt: AT } },
  ]),
];

const published = emitted.filter((event) => contractFor(event.type) !== undefined);
const internal = emitted.filter((event) => contractFor(event.type) === undefined);

describe('published issuance events', () => {
  it('cover every issuance contract', () => {
    expect(new Set(published.map((event) => event.type))).toEqual(
      new Set([
        'tenant.created.v1',
        'api-key.created.v1',
        'api-key.revoked.v1',
        'issuer.created.v1',
        'issuer.key-activated.v1',
        'achievement.created.v1',
        'achievement.revised.v1',
        'achievement.archived.v1',
        'credential.issued.v1',
        'credential.revoked.v1',
        'credential.suspended.v1',
        'credential.reinstated.v1',
      ]),
    );
  });

  it.each(published.map((event) => [event.type, event] as const))(
    '%s validates against its contract',
    (type, event) => {
      const envelope = {
        id: '01932c8e-7a3b-7cde-8f01-23456789abcd',
        type,
        source: 'issuance',
        aggregateType: aggregateTypes[type.split('.')[0]],
        aggregateId: 'aggregate-1',
        aggregateVersion: 1,
        tenantId: 'uni-lisbon',
        occurredAt: AT,
        correlationId: 'request-1',
        causationId: null,
        data: JSON.parse(JSON.stringify(event.data)) as unknown,
      };
      expect(validateEvent(envelope)).toMatchObject({ valid: true });
    },
  );

  it('never publish a key reference; internal events stay unversioned', () => {
    expect(JSON.stringify(published)).not.toContain('csk1.');
    expect(internal.map((event) => event.type).filter((type) => /\.v\d+$/.test(type))).toEqual([]);
    expect(internal.some((event) => event.type === 'issuer.signing-key-added')).toBe(true);
  });
});

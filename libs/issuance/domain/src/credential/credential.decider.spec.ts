import { deciderSpec, evolveAll } from '@credstream/event-sourcing';
import { identityHash, recipientKey } from '@credstream/open-badges';
import type { CredentialCommand, IssueCredentialData } from './credential.commands';
import { credentialDecider } from './credential.decider';
import type { CredentialEvent, CredentialIssuedData } from './credential.events';

const CREDENTIAL_ID = '01932c8e-0000-7000-8000-000000000003';
const ISSUER_ID = '01932c8e-0000-7000-8000-000000000001';
const ACHIEVEMENT_ID = '01932c8e-0000-7000-8000-000000000002';
const DID = `did:web:credstream.example:issuers:${ISSUER_ID}`;
const KID = `${DID}#key-1`;
const LIST = `https://credstream.example/status/${ISSUER_ID}/revocation/1`;
const SUSPENSION_LIST = `https://credstream.example/status/${ISSUER_ID}/suspension/1`;

const segment = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwtFor = (kid = KID, jti = `urn:uuid:${CREDENTIAL_ID}`): string =>
  `${segment({ alg: 'ES256', kid, typ: 'JWT' })}.${segment({ jti, iss: DID })}.c2lnbmF0dXJl`;

const issueData: IssueCredentialData = {
  credentialId: CREDENTIAL_ID,
  tenantId: 'uni-lisbon',
  issuer: { issuerId: ISSUER_ID, did: DID, kid: KID, keyStatus: 'active' },
  achievement: { achievementId: ACHIEVEMENT_ID, revision: 2, archived: false },
  recipient: { kind: 'email', email: ' Ana.Silva@Example.org ', salt: 'q8R2x' },
  recipientName: 'Ana Silva',
  validFrom: '2026-06-30T00:00:00Z',
  status: {
    revocation: { statusListId: LIST, index: 94_211 },
    suspension: { statusListId: SUSPENSION_LIST, index: 7 },
  },
  issuedAt: '2026-06-30T00:00:00.120Z',
  jwt: jwtFor(),
  trigger: { kind: 'partner', reference: '01932c8e-0000-7000-8000-0000000000aa' },
};
const issuedData: CredentialIssuedData = {
  credentialId: CREDENTIAL_ID,
  tenantId: 'uni-lisbon',
  issuerId: ISSUER_ID,
  issuerDid: DID,
  kid: KID,
  achievementId: ACHIEVEMENT_ID,
  achievementRevision: 2,
  recipient: {
    identityType: 'emailAddress',
    identityHash: identityHash('ana.silva@example.org', 'q8R2x'),
    salt: 'q8R2x',
    recipientKey: recipientKey('ana.silva@example.org'),
  },
  recipientEmail: 'ana.silva@example.org',
  recipientName: 'Ana Silva',
  validFrom: '2026-06-30T00:00:00Z',
  validUntil: null,
  issuedAt: '2026-06-30T00:00:00.120Z',
  jwt: jwtFor(),
  trigger: { kind: 'partner', reference: '01932c8e-0000-7000-8000-0000000000aa' },
  statusListId: LIST,
  statusListIndex: 94_211,
  suspensionStatusListId: SUSPENSION_LIST,
  suspensionStatusListIndex: 7,
};
const issued: CredentialEvent = { type: 'credential.issued.v1', data: issuedData };
const AT = '2026-09-01T12:00:00.000Z';
const revoked: CredentialEvent = {
  type: 'credential.revoked.v1',
  data: { credentialId: CREDENTIAL_ID, revokedAt: AT, reason: 'issued in error' },
};
const suspended: CredentialEvent = {
  type: 'credential.suspended.v1',
  data: { credentialId: CREDENTIAL_ID, suspendedAt: AT, reason: 'under review' },
};
const reinstated: CredentialEvent = {
  type: 'credential.reinstated.v1',
  data: { credentialId: CREDENTIAL_ID, reinstatedAt: AT },
};

const issue = (overrides: Partial<IssueCredentialData> = {}): CredentialCommand => ({
  type: 'issue-credential',
  data: { ...issueData, ...overrides },
});
const revoke = (reason = 'issued in error'): CredentialCommand => ({
  type: 'revoke-credential',
  data: { reason, revokedAt: AT },
});
const suspend = (reason = 'under review'): CredentialCommand => ({
  type: 'suspend-credential',
  data: { reason, suspendedAt: AT },
});
const reinstate: CredentialCommand = { type: 'reinstate-credential', data: { reinstatedAt: AT } };

describe('credential decider', () => {
  describe('issue-credential', () => {
    it('issues to an email recipient: salted identityHash, recipientKey, the address only for delivery', () => {
      deciderSpec(credentialDecider).when(issue()).then([issued]);
    });

    it('issues to a DID recipient with a validity window and no suspension entry', () => {
      const { recipientEmail: _email, recipientName: _name, suspensionStatusListId: _list, ...rest } = issuedData;
      const { suspensionStatusListIndex: _index, ...withoutEmail } = rest;
      const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
      deciderSpec(credentialDecider)
        .when(
          issue({
            recipient: { kind: 'did', did },
            recipientName: undefined,
            validUntil: '2028-06-30T00:00:00Z',
            status: { revocation: { statusListId: LIST, index: 0 } },
            trigger: { kind: 'api' },
          }),
        )
        .then([
          {
            type: 'credential.issued.v1',
            data: {
              ...withoutEmail,
              recipient: { identityType: 'did', identityHash: did, recipientKey: recipientKey(did), did },
              validUntil: '2028-06-30T00:00:00Z',
              statusListIndex: 0,
              trigger: { kind: 'api' },
            },
          },
        ]);
    });

    it('refuses to issue the same credential id twice', () => {
      deciderSpec(credentialDecider).given([issued]).when(issue()).thenThrows('CREDENTIAL_ALREADY_ISSUED');
    });

    it('refuses an archived achievement', () => {
      deciderSpec(credentialDecider)
        .when(issue({ achievement: { achievementId: ACHIEVEMENT_ID, revision: 2, archived: true } }))
        .thenThrows('CREDENTIAL_ACHIEVEMENT_ARCHIVED');
    });

    it('refuses a revoked, unknown, rotated-out or foreign signing key', () => {
      const withKey = (keyStatus: IssueCredentialData['issuer']['keyStatus'], kid = KID) =>
        issue({ issuer: { issuerId: ISSUER_ID, did: DID, kid, keyStatus } });
      deciderSpec(credentialDecider).when(withKey('revoked')).thenThrows('CREDENTIAL_SIGNING_KEY_REVOKED');
      deciderSpec(credentialDecider).when(withKey('unknown')).thenThrows('CREDENTIAL_SIGNING_KEY_UNKNOWN');
      deciderSpec(credentialDecider).when(withKey('retired')).thenThrows('CREDENTIAL_SIGNING_KEY_NOT_ACTIVE');
      deciderSpec(credentialDecider)
        .when(withKey('active', 'did:web:other.example#key-1'))
        .thenThrows('CREDENTIAL_SIGNING_KEY_UNKNOWN');
    });

    it('refuses validUntil before or equal to validFrom, and malformed dates', () => {
      deciderSpec(credentialDecider)
        .when(issue({ validUntil: '2026-06-29T00:00:00Z' }))
        .thenThrows('CREDENTIAL_VALID_UNTIL_NOT_AFTER_VALID_FROM');
      deciderSpec(credentialDecider)
        .when(issue({ validUntil: '2026-06-30T00:00:00Z' }))
        .thenThrows('CREDENTIAL_VALID_UNTIL_NOT_AFTER_VALID_FROM');
      deciderSpec(credentialDecider)
        .when(issue({ validFrom: '30/06/2026' }))
        .thenThrows('CREDENTIAL_TIMESTAMP_INVALID');
    });

    it('refuses a bad recipient email or DID, and an empty salt', () => {
      deciderSpec(credentialDecider)
        .when(issue({ recipient: { kind: 'email', email: 'ana@', salt: 's' } }))
        .thenThrows('RECIPIENT_EMAIL_INVALID');
      deciderSpec(credentialDecider)
        .when(issue({ recipient: { kind: 'did', did: 'ana' } }))
        .thenThrows('RECIPIENT_DID_INVALID');
      deciderSpec(credentialDecider)
        .when(issue({ recipient: { kind: 'email', email: 'ana@example.org', salt: '' } }))
        .thenThrows('RECIPIENT_SALT_REQUIRED');
    });

    it('refuses a bad id, status entry or trigger', () => {
      deciderSpec(credentialDecider)
        .when(issue({ credentialId: 'cred-1' }))
        .thenThrows('CREDENTIAL_ID_INVALID');
      deciderSpec(credentialDecider)
        .when(issue({ status: { revocation: { statusListId: LIST, index: -1 } } }))
        .thenThrows('CREDENTIAL_STATUS_ENTRY_INVALID');
      deciderSpec(credentialDecider)
        .when(issue({ status: { revocation: { statusListId: 'list-1', index: 3 } } }))
        .thenThrows('CREDENTIAL_STATUS_ENTRY_INVALID');
      deciderSpec(credentialDecider)
        .when(issue({ trigger: { kind: 'manual' as 'api' } }))
        .thenThrows('CREDENTIAL_TRIGGER_INVALID');
    });

    it('refuses a JWT that is malformed or names another key or credential', () => {
      deciderSpec(credentialDecider)
        .when(issue({ jwt: 'not.a jwt' }))
        .thenThrows('CREDENTIAL_JWT_INVALID');
      deciderSpec(credentialDecider)
        .when(issue({ jwt: 'e30.bm90LWpzb24.c2ln' }))
        .thenThrows('CREDENTIAL_JWT_INVALID');
      deciderSpec(credentialDecider)
        .when(issue({ jwt: jwtFor(`${DID}#key-2`) }))
        .thenThrows('CREDENTIAL_JWT_MISMATCH');
      deciderSpec(credentialDecider)
        .when(issue({ jwt: jwtFor(KID, 'urn:uuid:01932c8e-0000-7000-8000-000000000004') }))
        .thenThrows('CREDENTIAL_JWT_MISMATCH');
    });
  });

  describe('revoke-credential', () => {
    it('revokes an issued or suspended credential', () => {
      deciderSpec(credentialDecider).given([issued]).when(revoke()).then([revoked]);
      deciderSpec(credentialDecider).given([issued, suspended]).when(revoke()).then([revoked]);
    });

    it('refuses to revoke twice, an unknown credential, and no reason', () => {
      deciderSpec(credentialDecider).given([issued, revoked]).when(revoke()).thenThrows('CREDENTIAL_ALREADY_REVOKED');
      deciderSpec(credentialDecider).when(revoke()).thenThrows('CREDENTIAL_NOT_FOUND');
      deciderSpec(credentialDecider).given([issued]).when(revoke(' ')).thenThrows('CREDENTIAL_REASON_REQUIRED');
    });
  });

  describe('suspend-credential', () => {
    it('suspends an issued credential, also after a reinstatement', () => {
      deciderSpec(credentialDecider).given([issued]).when(suspend()).then([suspended]);
      deciderSpec(credentialDecider).given([issued, suspended, reinstated]).when(suspend()).then([suspended]);
    });

    it('refuses to suspend a revoked or suspended credential', () => {
      deciderSpec(credentialDecider).given([issued, revoked]).when(suspend()).thenThrows('CREDENTIAL_REVOKED');
      deciderSpec(credentialDecider)
        .given([issued, suspended])
        .when(suspend())
        .thenThrows('CREDENTIAL_ALREADY_SUSPENDED');
    });

    it('refuses a credential issued without a suspension entry, and no reason', () => {
      const withoutSuspension: CredentialEvent = {
        type: 'credential.issued.v1',
        data: { ...issuedData, suspensionStatusListId: undefined, suspensionStatusListIndex: undefined },
      };
      deciderSpec(credentialDecider)
        .given([withoutSuspension])
        .when(suspend())
        .thenThrows('CREDENTIAL_NOT_SUSPENDABLE');
      deciderSpec(credentialDecider).given([issued]).when(suspend('')).thenThrows('CREDENTIAL_REASON_REQUIRED');
    });
  });

  describe('reinstate-credential', () => {
    it('reinstates a suspended credential', () => {
      deciderSpec(credentialDecider).given([issued, suspended]).when(reinstate).then([reinstated]);
    });

    it('refuses when the credential is not suspended', () => {
      deciderSpec(credentialDecider).given([issued]).when(reinstate).thenThrows('CREDENTIAL_NOT_SUSPENDED');
      deciderSpec(credentialDecider).given([issued, revoked]).when(reinstate).thenThrows('CREDENTIAL_NOT_SUSPENDED');
      deciderSpec(credentialDecider).when(reinstate).thenThrows('CREDENTIAL_NOT_FOUND');
    });
  });

  it('keeps the status entries in state for the status list updates', () => {
    expect(evolveAll(credentialDecider, [issued, suspended])).toEqual({
      status: 'suspended',
      credentialId: CREDENTIAL_ID,
      tenantId: 'uni-lisbon',
      issuerId: ISSUER_ID,
      revocation: { statusListId: LIST, index: 94_211 },
      suspension: { statusListId: SUSPENSION_LIST, index: 7 },
    });
  });
});

import { contractFor } from '@credstream/contracts';
import { credentialJwtClaims, didKeyFromP256Jwk, type JwtSignableCredential } from '@credstream/open-badges';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createHmac } from 'node:crypto';
import {
  ISSUER_DID,
  KID,
  NOW,
  RECIPIENT_EMAIL,
  REVOCATION_LIST_URL,
  STATUS_INDEX,
  SUSPENSION_LIST_URL,
  jwtFromParts,
  payloadOf,
  sampleCredential,
  signCredential,
  signedStatusList,
  withPayload,
} from '../testing/credential.fixtures';
import { readOb3Example } from '../testing/ob3-standards.fixtures';
import { generateTestKey } from '../testing/test-keys.fixtures';
import type { SchemaValidator } from '../ports/schema-validator.port';
import { ALL_PASSED, BLOCKED_AFTER, outline, verificationHarness } from './verify-credential.harness.fixtures';

const es256 = generateTestKey('ES256');
const rs256 = generateTestKey('RS256');
const attacker = generateTestKey('ES256');

describe('VerifyCredentialHandler', () => {
  describe('valid credentials', () => {
    it('verifies an ES256 credential of an external did:web issuer: every check passes, the issuer is a warning', async () => {
      const { verify } = verificationHarness(es256, KID);
      const outcome = await verify(signCredential(sampleCredential(), es256));
      expect(outline(outcome)).toEqual(ALL_PASSED);
      expect(outcome.result.verified).toBe(true);
      expect(outcome.result.problemDetails).toEqual([]);
      expect(outcome.result.warnings).toEqual([
        expect.objectContaining({ check: 'issuer', reasonCode: 'ISSUER_UNKNOWN' }),
      ]);
      expect(outcome.credential).toMatchObject({ id: 'urn:uuid:9b3a4c2e-1f0d-4e8b-a7c6-5d4e3f2a1b0c' });
    });

    it('verifies an RS256 credential', async () => {
      const { verify } = verificationHarness(rs256, KID);
      const outcome = await verify(signCredential(sampleCredential(), rs256));
      expect(outline(outcome)).toEqual(ALL_PASSED);
      expect(outcome.result.verified).toBe(true);
    });

    it('verifies a credstream issuer from the local projection: known keys, no key or list fetched', async () => {
      const { verify, keyResolver, fetcher, issuerDirectory } = verificationHarness(es256, KID);
      const credential = sampleCredential();
      issuerDirectory.issuers.set(ISSUER_DID, { did: ISSUER_DID, keys: { [KID]: es256.publicJwk } });
      issuerDirectory.statuses.set(credential.id, { revoked: false, suspended: false });
      const outcome = await verify(signCredential(credential, es256));
      expect(outline(outcome)).toEqual({ ...ALL_PASSED, issuer: 'passed' });
      expect(outcome.event.issuerKnown).toBe(true);
      expect(keyResolver.resolved).toEqual([]);
      expect(fetcher.fetched).toEqual([]);
    });

    it('accepts an EnvelopedVerifiableCredential, as an object and as JSON text', async () => {
      const { verify } = verificationHarness(es256, KID);
      const token = signCredential(sampleCredential(), es256);
      const enveloped = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+jwt,${token}`,
      };
      expect((await verify({ kind: 'json', document: enveloped })).result.verified).toBe(true);
      expect((await verify(JSON.stringify(enveloped))).result.verified).toBe(true);
    });

    it('verifies a VC Data Model 1.1 JWT whose credential is in the `vc` claim', async () => {
      const { verify } = verificationHarness(es256, KID);
      const vc = {
        '@context': [
          'https://www.w3.org/2018/credentials/v1',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: ISSUER_DID, type: ['Profile'], name: 'Universidade Exemplo' },
        name: 'Data Engineering Fundamentals',
        credentialSubject: { type: ['AchievementSubject'] },
      };
      const payload = {
        vc,
        iss: ISSUER_DID,
        sub: 'did:example:ana',
        nbf: Date.parse('2026-06-30T00:00:00Z') / 1000,
        jti: 'urn:uuid:0b0b0b0b-1111-4222-8333-444444444444',
      };
      const outcome = await verify(
        jwtFromParts({ alg: 'ES256', kid: KID, typ: 'JWT' }, JSON.stringify(payload), es256),
        {
          recipient: { did: 'did:example:ana' },
        },
      );
      expect(outline(outcome)).toEqual({
        ...ALL_PASSED,
        structure: 'passed',
        schema: 'skipped:NOT_APPLICABLE',
        status: 'skipped:NOT_APPLICABLE',
        recipient: 'passed',
      });
      expect(outcome.result.verified).toBe(true);
      expect(outcome.credential).toMatchObject({ issuanceDate: '2026-06-30T00:00:00Z' });
    });

    it('verifies a did:key issuer signed by an independent library (jose), resolving the key from the DID alone', async () => {
      const { generateKeyPair, exportJWK, CompactSign } = await import('jose');
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      const did = didKeyFromP256Jwk((await exportJWK(publicKey)) as never);
      const credential = sampleCredential({
        issuer: { id: did, name: 'Independent issuer' },
        credentialStatus: undefined,
      });
      const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(credentialJwtClaims(credential))))
        .setProtectedHeader({ alg: 'ES256', kid: `${did}#${did.slice('did:key:'.length)}`, typ: 'JWT' })
        .sign(privateKey);
      const { verify, keyResolver } = verificationHarness(es256, KID);
      const outcome = await verify(token);
      expect(outline(outcome)).toEqual({ ...ALL_PASSED, status: 'skipped:NOT_APPLICABLE' });
      expect(keyResolver.resolved).toEqual([]);
    });

    it('accepts a header `jwk` only when the issuer is that key as a did:jwk', async () => {
      const { publicJwk } = es256;
      const did = `did:jwk:${Buffer.from(JSON.stringify(publicJwk)).toString('base64url')}`;
      const credential = sampleCredential({ issuer: { id: did, name: 'Self-described' }, credentialStatus: undefined });
      const { verify } = verificationHarness(es256, KID);
      const good = await verify(signCredential(credential, es256, { jwk: publicJwk }));
      expect(good.result.verified).toBe(true);
      const foreign = sampleCredential({ credentialStatus: undefined });
      const forged = await verify(signCredential(foreign, attacker, { jwk: attacker.publicJwk }));
      expect(outline(forged)).toEqual(BLOCKED_AFTER('key', 'KEY_ISSUER_MISMATCH'));
    });
  });

  describe('attacks and malformations', () => {
    it('refuses garbage with JWT_MALFORMED and returns a result, never an exception', async () => {
      const { verify } = verificationHarness(es256, KID);
      for (const junk of ['not a jwt', 'a.b.c', '', '{"no": "proof"', 'e30.e30']) {
        const outcome = await verify(junk);
        expect(outline(outcome)).toEqual(BLOCKED_AFTER('structure', 'JWT_MALFORMED'));
        expect(outcome.result.verified).toBe(false);
        expect(outcome.event).toMatchObject({ credentialId: null, issuerDid: null, verified: false });
      }
      expect(outline(await verify({ kind: 'json', document: 42 }))).toEqual(
        BLOCKED_AFTER('structure', 'JWT_MALFORMED'),
      );
    });

    it('names unsupported inputs and oversized tokens', async () => {
      const { verify } = verificationHarness(es256, KID);
      const image = { kind: 'baked-image' as const, mediaType: 'image/png' as const, bytes: new Uint8Array([137, 80]) };
      expect(outline(await verify(image)).structure).toBe('failed:IMAGE_WITHOUT_CREDENTIAL');
      const dataIntegrity = JSON.parse(readOb3Example('simple.json')) as unknown;
      expect(outline(await verify({ kind: 'json', document: dataIntegrity })).structure).toBe(
        'failed:FORMAT_UNSUPPORTED',
      );
      expect(outline(await verify('x'.repeat(300 * 1024))).structure).toBe('failed:TOKEN_TOO_LARGE');
    });

    it('verifies the credential baked into an image like any other', async () => {
      const { verify } = verificationHarness(es256, KID);
      const bytes = new Uint8Array(Buffer.from(`BAKED:${signCredential(sampleCredential(), es256)}`));
      const outcome = await verify({ kind: 'baked-image', mediaType: 'image/png', bytes });
      expect(outline(outcome)).toEqual(ALL_PASSED);
    });

    it('reads the official simple.jwt (VCDM 1.1, no kid or jwk): KEY_NOT_FOUND, signature never checked', async () => {
      const { verify } = verificationHarness(es256, KID);
      const outcome = await verify(readOb3Example('simple.jwt'));
      expect(outline(outcome)).toEqual(BLOCKED_AFTER('key', 'KEY_NOT_FOUND'));
      expect(outcome.credential).toMatchObject({ id: 'http://example.edu/credentials/3732' });
      expect(outcome.event).toMatchObject({
        credentialId: 'http://example.edu/credentials/3732',
        issuerDid: 'https://example.edu/issuers/565049',
        verified: false,
      });
    });

    it('refuses `alg: none`', async () => {
      const { verify } = verificationHarness(es256, KID);
      const token = signCredential(sampleCredential(), es256);
      const [, payload] = token.split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'none', kid: KID, typ: 'JWT' })).toString('base64url');
      expect(outline(await verify(`${header}.${payload}.`))).toEqual(BLOCKED_AFTER('algorithm', 'ALG_NOT_ALLOWED'));
    });

    it('refuses HS256 signed with the issuer public key as the HMAC secret', async () => {
      const { verify } = verificationHarness(es256, KID);
      const header = Buffer.from(JSON.stringify({ alg: 'HS256', kid: KID, typ: 'JWT' })).toString('base64url');
      const payload = signCredential(sampleCredential(), es256).split('.')[1];
      const secret = JSON.stringify(es256.publicJwk);
      const mac = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      expect(outline(await verify(`${header}.${payload}.${mac}`))).toEqual(
        BLOCKED_AFTER('algorithm', 'ALG_NOT_ALLOWED'),
      );
    });

    it('finds a payload changed after signing: SIGNATURE_INVALID', async () => {
      const { verify } = verificationHarness(es256, KID);
      const token = signCredential(sampleCredential(), es256);
      const tampered = withPayload(token, { ...payloadOf(token), name: 'Doctor of Everything' });
      const outcome = await verify(tampered);
      expect(outline(outcome)).toEqual(BLOCKED_AFTER('signature', 'SIGNATURE_INVALID'));
      expect(outcome.result.problemDetails).toEqual([
        expect.objectContaining({
          type: 'https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR',
          reasonCode: 'SIGNATURE_INVALID',
        }),
      ]);
    });

    it('finds a credential signed by a different key under the issuer kid: SIGNATURE_INVALID', async () => {
      const { verify } = verificationHarness(es256, KID);
      expect(outline(await verify(signCredential(sampleCredential(), attacker)))).toEqual(
        BLOCKED_AFTER('signature', 'SIGNATURE_INVALID'),
      );
    });

    it('reports an unknown kid as KEY_NOT_FOUND and a kid of another DID as KEY_ISSUER_MISMATCH, unresolved', async () => {
      const { verify, keyResolver } = verificationHarness(es256, KID);
      const unknown = await verify(signCredential(sampleCredential(), es256, { kid: `${ISSUER_DID}#key-9` }));
      expect(outline(unknown)).toEqual(BLOCKED_AFTER('key', 'KEY_NOT_FOUND'));
      keyResolver.resolved.length = 0;
      keyResolver.keys.set('did:web:evil.example#key-1', attacker.publicJwk);
      const other = await verify(signCredential(sampleCredential(), attacker, { kid: 'did:web:evil.example#key-1' }));
      expect(outline(other)).toEqual(BLOCKED_AFTER('key', 'KEY_ISSUER_MISMATCH'));
      expect(keyResolver.resolved).toEqual([]);
    });

    it('passes on the resolver reason for an unknown DID method', async () => {
      const did = 'did:example:uni';
      const { verify } = verificationHarness(es256, KID);
      const credential = sampleCredential({ issuer: { id: did, name: 'x' } });
      expect(outline(await verify(signCredential(credential, es256, { kid: `${did}#k` })))).toEqual(
        BLOCKED_AFTER('key', 'DID_METHOD_UNSUPPORTED'),
      );
    });

    it('refuses a key that does not suit the algorithm (RS256 header, EC key)', async () => {
      const { verify } = verificationHarness(es256, KID);
      const header = { alg: 'RS256', kid: KID, typ: 'JWT' };
      const token = jwtFromParts(header, JSON.stringify(credentialJwtClaims(sampleCredential())), rs256);
      expect(outline(await verify(token))).toEqual(BLOCKED_AFTER('key', 'KEY_UNSUITABLE'));
    });

    it('reports `iss` different from issuer.id as CLAIMS_INCONSISTENT, with a valid signature', async () => {
      const { verify } = verificationHarness(es256, KID);
      const payload = { ...credentialJwtClaims(sampleCredential()), iss: 'did:web:evil.example' };
      const outcome = await verify(
        jwtFromParts({ alg: 'ES256', kid: KID, typ: 'JWT' }, JSON.stringify(payload), es256),
      );
      expect(outline(outcome)).toEqual({ ...ALL_PASSED, claims: 'failed:CLAIMS_INCONSISTENT' });
      expect(outcome.result.verified).toBe(false);
      expect(outcome.result.checks.find((c) => c.name === 'claims')?.message).toContain('iss_mismatch');
    });

    it('reports a schema-invalid credential with a valid signature as SCHEMA_INVALID', async () => {
      const { verify } = verificationHarness(es256, KID);
      const credential = sampleCredential() as unknown as Record<string, unknown>;
      const invalid = {
        ...credential,
        type: ['VerifiableCredential'],
        credentialSubject: { type: ['AchievementSubject'] },
      };
      const outcome = await verify(signCredential(invalid as unknown as JwtSignableCredential, es256));
      expect(outline(outcome)).toEqual({ ...ALL_PASSED, schema: 'failed:SCHEMA_INVALID' });
      expect(outcome.result.verified).toBe(false);
    });

    it('survives ports that throw: a result with the check failed, never an exception', async () => {
      const { verify, keyResolver } = verificationHarness(es256, KID);
      keyResolver.resolve = () => Promise.reject(new Error('socket hang up'));
      const outcome = await verify(signCredential(sampleCredential(), es256));
      expect(outline(outcome)).toEqual(BLOCKED_AFTER('key', 'KEY_NOT_FOUND'));
    });
  });

  describe('validity period', () => {
    const credential = sampleCredential({ validFrom: '2026-06-30T09:15:00Z', validUntil: '2026-12-31T00:00:00Z' });

    it.each([
      ['expired', '2027-01-01T00:00:00Z', 0, 'failed:EXPIRED'],
      ['expired beyond the skew', '2026-12-31T00:02:00Z', 60, 'failed:EXPIRED'],
      ['expired within the skew', '2026-12-31T00:00:30Z', 60, 'passed'],
      ['not yet valid', '2026-06-30T09:14:00Z', 0, 'failed:NOT_YET_VALID'],
      ['not yet valid beyond the skew', '2026-06-30T09:13:00Z', 60, 'failed:NOT_YET_VALID'],
      ['not yet valid within the skew', '2026-06-30T09:14:30Z', 60, 'passed'],
    ])('%s (now %s, skew %is): %s', async (_case, now, clockSkewSeconds, expected) => {
      const { verify, clock } = verificationHarness(es256, KID, { clockSkewSeconds });
      clock.current = new Date(now);
      const outcome = await verify(signCredential(credential, es256));
      expect(outline(outcome).validity).toBe(expected);
      expect(outcome.result.verified).toBe(expected === 'passed');
    });
  });

  describe('status', () => {
    it.each([
      ['revocation', REVOCATION_LIST_URL, 'failed:STATUS_REVOKED'],
      ['suspension', SUSPENSION_LIST_URL, 'failed:STATUS_SUSPENDED'],
    ] as const)('reads a set %s bit', async (purpose, url, expected) => {
      const { verify, fetcher } = verificationHarness(es256, KID);
      fetcher.documents.set(url, signedStatusList(es256, { url, purpose, setBits: [STATUS_INDEX] }));
      const credentialStatus = {
        id: `${url}#${STATUS_INDEX}`,
        type: 'BitstringStatusListEntry' as const,
        statusPurpose: purpose,
        statusListIndex: String(STATUS_INDEX),
        statusListCredential: url,
      };
      const outcome = await verify(
        signCredential(sampleCredential({ credentialStatus: credentialStatus as never }), es256),
      );
      expect(outline(outcome)).toEqual({ ...ALL_PASSED, status: expected });
      expect(outcome.result.verified).toBe(false);
    });

    it('reads a StatusList2021 entry and list', async () => {
      const { verify, fetcher } = verificationHarness(es256, KID);
      const list = payloadOf(
        signedStatusList(es256, { url: REVOCATION_LIST_URL, purpose: 'revocation', setBits: [7] }),
      );
      const { iss: _i, sub: _s, nbf: _n, jti: _j, ...credential } = list;
      const legacy = {
        ...credential,
        type: ['VerifiableCredential', 'StatusList2021Credential'],
        credentialSubject: { ...(credential['credentialSubject'] as object), type: 'StatusList2021' },
      };
      fetcher.documents.set(REVOCATION_LIST_URL, signCredential(legacy as unknown as JwtSignableCredential, es256));
      const credentialStatus = {
        id: 'x',
        type: 'StatusList2021Entry',
        statusPurpose: 'revocation',
        statusListIndex: '7',
        statusListCredential: REVOCATION_LIST_URL,
      };
      const outcome = await verify(
        signCredential(sampleCredential({ credentialStatus: credentialStatus as never }), es256),
      );
      expect(outline(outcome).status).toBe('failed:STATUS_REVOKED');
    });

    it('fails closed when the status list cannot be fetched: STATUS_UNAVAILABLE', async () => {
      const { verify, fetcher } = verificationHarness(es256, KID);
      fetcher.documents.clear();
      const outcome = await verify(signCredential(sampleCredential(), es256));
      expect(outline(outcome)).toEqual({ ...ALL_PASSED, status: 'failed:STATUS_UNAVAILABLE' });
      expect(outcome.result.problemDetails[0]).toMatchObject({
        type: 'https://www.w3.org/ns/credentials/status-list#STATUS_RETRIEVAL_ERROR',
      });
    });

    it('refuses a status list whose own signature is invalid (bit cleared after signing)', async () => {
      const { verify, fetcher } = verificationHarness(es256, KID);
      const list = signedStatusList(es256, {
        url: REVOCATION_LIST_URL,
        purpose: 'revocation',
        setBits: [STATUS_INDEX],
      });
      const cleared = {
        ...payloadOf(list),
        credentialSubject: {
          ...(payloadOf(signedStatusList(es256, { url: REVOCATION_LIST_URL, purpose: 'revocation' }))[
            'credentialSubject'
          ] as object),
        },
      };
      fetcher.documents.set(REVOCATION_LIST_URL, withPayload(list, cleared));
      const token = signCredential(sampleCredential(), es256);
      const forged = await verify(token);
      expect(outline(forged).status).toBe('failed:STATUS_LIST_INVALID');
      expect(forged.result.checks.find((c) => c.name === 'status')?.message).toContain('SIGNATURE_INVALID');
    });

    it('refuses a validly signed status list of another issuer', async () => {
      const { verify, fetcher, keyResolver } = verificationHarness(es256, KID);
      keyResolver.keys.set('did:web:other.example#key-1', attacker.publicJwk);
      fetcher.documents.set(
        REVOCATION_LIST_URL,
        signedStatusList(attacker, {
          url: REVOCATION_LIST_URL,
          purpose: 'revocation',
          issuer: 'did:web:other.example',
          kid: 'did:web:other.example#key-1',
        }),
      );
      expect(outline(await verify(signCredential(sampleCredential(), es256))).status).toBe(
        'failed:STATUS_LIST_INVALID',
      );
    });

    it('takes a revocation known from issuance events without fetching the list', async () => {
      const { verify, fetcher, issuerDirectory } = verificationHarness(es256, KID);
      const credential = sampleCredential();
      issuerDirectory.issuers.set(ISSUER_DID, { did: ISSUER_DID, keys: { [KID]: es256.publicJwk } });
      issuerDirectory.statuses.set(credential.id, { revoked: true, suspended: false });
      const outcome = await verify(signCredential(credential, es256));
      expect(outline(outcome)).toEqual({ ...ALL_PASSED, issuer: 'passed', status: 'failed:STATUS_REVOKED' });
      expect(fetcher.fetched).toEqual([]);
    });

    it('skips status types it does not check', async () => {
      const { verify } = verificationHarness(es256, KID);
      const credentialStatus = { id: 'https://uni.example/revocations', type: '1EdTechRevocationList' };
      const outcome = await verify(
        signCredential(sampleCredential({ credentialStatus: credentialStatus as never }), es256),
      );
      expect(outline(outcome).status).toBe('skipped:STATUS_TYPE_UNSUPPORTED');
      expect(outcome.result.verified).toBe(true);
    });
  });

  describe('recipient', () => {
    it('matches the email address against the salted identity hash, whatever its case and spaces', async () => {
      const { verify } = verificationHarness(es256, KID);
      const token = signCredential(sampleCredential(), es256);
      const match = await verify(token, { recipient: { email: ` ${RECIPIENT_EMAIL.toUpperCase()} ` } });
      expect(outline(match).recipient).toBe('passed');
      expect(match.result.verified).toBe(true);
      const mismatch = await verify(token, { recipient: { email: 'mallory@example.org' } });
      expect(outline(mismatch).recipient).toBe('failed:RECIPIENT_MISMATCH');
      expect(mismatch.result.verified).toBe(false);
    });

    it('matches a DID recipient by credentialSubject.id', async () => {
      const { verify } = verificationHarness(es256, KID);
      const token = signCredential(sampleCredential({ recipient: { did: 'did:example:ana' } }), es256);
      expect(outline(await verify(token, { recipient: { did: 'did:example:ana' } })).recipient).toBe('passed');
      expect(outline(await verify(token, { recipient: { did: 'did:example:bob' } })).recipient).toBe(
        'failed:RECIPIENT_MISMATCH',
      );
    });
  });

  describe('credential.verified.v1 event', () => {
    const contract = contractFor('credential.verified.v1')!;
    const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(contract.dataSchema);

    it('carries ids, outcome, checks and verifier, fits the contract, and never the credential content', async () => {
      const { verify } = verificationHarness(es256, KID);
      const outcome = await verify(signCredential(sampleCredential(), es256), {
        channel: 'page',
        recipient: { email: RECIPIENT_EMAIL },
        verifier: { organization: 'Acme Analytics', sector: 'J62', country: 'DE' },
        requestCountry: 'PT',
      });
      expect(outcome.event).toEqual({
        verificationId: '01932c8e-0000-7000-8000-000000000010',
        credentialId: '9b3a4c2e-1f0d-4e8b-a7c6-5d4e3f2a1b0c',
        issuerDid: ISSUER_DID,
        issuerKnown: false,
        verified: true,
        checks: expect.arrayContaining([
          { name: 'signature', status: 'passed' },
          { name: 'issuer', status: 'failed', code: 'ISSUER_UNKNOWN' },
        ]),
        channel: 'page',
        verifier: { organization: 'Acme Analytics', sector: 'J62', country: 'DE' },
        achievementId: 'https://uni.example/achievements/data-engineering',
        failureCodes: ['ISSUER_UNKNOWN'],
        requestCountry: 'PT',
      });
      expect(outcome.event.checks).toHaveLength(10);
      expect(validate(outcome.event)).toBe(true);
      const text = JSON.stringify(outcome.event);
      expect(text).not.toContain('ana.silva');
      expect(text).not.toContain('Data Engineering');
    });

    it('fits the contract for garbage too', async () => {
      const { verify } = verificationHarness(es256, KID);
      const outcome = await verify('garbage', { channel: 'upload' });
      expect(validate(outcome.event)).toBe(true);
      expect(outcome.event).not.toHaveProperty('verifier');
      expect(outcome.event).toMatchObject({ achievementId: null, failureCodes: ['JWT_MALFORMED'] });
    });

    it('names the tenant of a known issuer and hands every verification to the recorder', async () => {
      const recorded: unknown[] = [];
      const { issuerDirectory, handler } = verificationHarness(
        es256,
        KID,
        {},
        { record: async (e) => void recorded.push(e) },
      );
      issuerDirectory.issuers.set(ISSUER_DID, {
        did: ISSUER_DID,
        keys: { [KID]: es256.publicJwk },
        tenantId: 'uni-example',
        name: 'Universidade Exemplo',
      });
      const outcome = await handler.execute({
        verificationId: '01932c8e-0000-7000-8000-000000000011',
        input: { kind: 'text', text: signCredential(sampleCredential(), es256) },
        channel: 'api',
      });
      expect(outcome.event).toMatchObject({ issuerKnown: true, issuerTenantId: 'uni-example', failureCodes: [] });
      expect(outcome.issuer).toEqual({ name: 'Universidade Exemplo', tenantId: 'uni-example' });
      await handler.execute({
        verificationId: '01932c8e-0000-7000-8000-000000000012',
        input: { kind: 'text', text: 'x' },
        channel: 'api',
      });
      expect(recorded).toHaveLength(2);
      expect(validate(outcome.event)).toBe(true);
    });

    it('still answers when the recorder fails', async () => {
      const { verify } = verificationHarness(es256, KID, {}, { record: () => Promise.reject(new Error('store down')) });
      expect((await verify(signCredential(sampleCredential(), es256))).result.verified).toBe(true);
    });
  });

  describe('the same token verified again (its decoding and schema validation remembered)', () => {
    it('judges the dates, the key, the status and the recipient anew, and records every verification', async () => {
      const recorded: unknown[] = [];
      const { verify, clock, keyResolver, issuerDirectory } = verificationHarness(
        es256,
        KID,
        {},
        { record: async (e) => void recorded.push(e) },
      );
      const credential = sampleCredential();
      const token = signCredential(credential, es256);
      expect(outline(await verify(token))).toEqual(ALL_PASSED);
      clock.current = new Date('2029-07-01T00:00:00Z');
      expect(outline(await verify(token)).validity).toBe('failed:EXPIRED');
      clock.current = NOW;
      keyResolver.keys.set(KID, attacker.publicJwk);
      expect(outline(await verify(token))).toEqual(BLOCKED_AFTER('signature', 'SIGNATURE_INVALID'));
      keyResolver.keys.set(KID, es256.publicJwk);
      issuerDirectory.issuers.set(ISSUER_DID, { did: ISSUER_DID, keys: { [KID]: es256.publicJwk } });
      issuerDirectory.statuses.set(credential.id, { revoked: true, suspended: false });
      expect(outline(await verify(token)).status).toBe('failed:STATUS_REVOKED');
      const recipient = await verify(token, { recipient: { email: 'someone.else@example.org' } });
      expect(outline(recipient).recipient).toBe('failed:RECIPIENT_MISMATCH');
      expect(recorded).toHaveLength(5);
    });

    it('validates the schema again after a validator failure rather than remembering it', async () => {
      const { handler } = verificationHarness(es256, KID);
      const token = signCredential(sampleCredential(), es256);
      const validator = (handler as unknown as { deps: { schemaValidator: SchemaValidator } }).deps.schemaValidator;
      const validate = validator.validate.bind(validator);
      let failNext = true;
      validator.validate = async (credential, schemaId) => {
        if (failNext) {
          failNext = false;
          throw new Error('schema directory unreadable');
        }
        return validate(credential, schemaId);
      };
      const query = { verificationId: '01932c8e-0000-7000-8000-000000000013', channel: 'api' as const };
      const first = await handler.execute({ ...query, input: { kind: 'text', text: token } });
      expect(outline(first).schema).toBe('skipped:SCHEMA_UNKNOWN');
      const second = await handler.execute({ ...query, input: { kind: 'text', text: token } });
      expect(outline(second).schema).toBe('passed');
    });
  });

  it('is verified only inside the configured algorithms', async () => {
    const { verify } = verificationHarness(rs256, KID, { allowedAlgorithms: ['ES256'] });
    expect(outline(await verify(signCredential(sampleCredential(), rs256)))).toEqual(
      BLOCKED_AFTER('algorithm', 'ALG_NOT_ALLOWED'),
    );
  });

  it('keeps NOW inside the sample validity period', () => {
    expect(NOW.getTime()).toBeGreaterThan(Date.parse('2026-06-30T09:15:00Z'));
  });
});

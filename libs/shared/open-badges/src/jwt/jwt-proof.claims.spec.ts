import { sampleCredential } from '../testing/sample-credentials';
import { readOb3Example } from '../testing/ob3-standards.fixtures';
import { decodeCompactJws, jwsSigningInput } from './compact-jws';
import { checkCredentialJwtClaims } from './jwt-proof.checks';
import { credentialFromJwtPayload, credentialJwtClaims, credentialJwtPayloadJson } from './jwt-proof.claims';

describe('JWT proof claims', () => {
  it('maps the credential to iss, sub, nbf, jti and exp and keeps the credential at the top level', () => {
    const credential = sampleCredential();
    const payload = credentialJwtClaims(credential);
    expect(payload).toMatchObject({
      ...credential,
      iss: (credential.issuer as { id: string }).id,
      sub: credential.credentialSubject.identifier?.[0]?.identityHash,
      nbf: Date.parse('2026-06-30T09:15:00Z') / 1000,
      jti: credential.id,
      exp: Date.parse('2029-06-30T09:15:00Z') / 1000,
    });
    expect(payload).not.toHaveProperty('vc');
    expect(checkCredentialJwtClaims(payload, credential)).toEqual([]);
  });

  it('uses credentialSubject.id as sub for a DID recipient and omits exp without validUntil', () => {
    const credential = sampleCredential({ recipient: { did: 'did:example:alice' }, validUntil: undefined });
    const payload = credentialJwtClaims(credential);
    expect(payload.sub).toBe('did:example:alice');
    expect(payload).not.toHaveProperty('exp');
  });

  it('serialises the payload to exactly JSON.stringify(credentialJwtClaims(c)), also for credentials carrying claim names', () => {
    for (const credential of [
      sampleCredential(),
      sampleCredential({ recipient: { did: 'did:example:a' }, validUntil: undefined }),
    ]) {
      expect(credentialJwtPayloadJson(credential)).toBe(JSON.stringify(credentialJwtClaims(credential)));
    }
    const odd = { ...sampleCredential(), iss: 'stale', exp: 1 };
    expect(JSON.parse(credentialJwtPayloadJson(odd))).toEqual(credentialJwtClaims(odd));
  });

  it('round-trips: credentialFromJwtPayload(credentialJwtClaims(c)) is c', () => {
    const credential = sampleCredential();
    const result = credentialFromJwtPayload(JSON.parse(JSON.stringify(credentialJwtClaims(credential))));
    expect(result).toMatchObject({ ok: true, dataModel: '2.0' });
    if (!result.ok) throw new Error('unreachable');
    expect(result.credential).toEqual(credential);
    expect(result.claims).toMatchObject({ iss: expect.any(String), jti: credential.id, nbf: expect.any(Number) });
  });

  it('reads a VC Data Model 1.1 JWT (the 1EdTech simple.jwt) from its vc claim', () => {
    const decoded = decodeCompactJws(readOb3Example('simple.jwt'));
    if (!decoded.ok) throw new Error(decoded.problem.message);
    expect(decoded.jws.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    const result = credentialFromJwtPayload(decoded.jws.payload);
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.dataModel).toBe('1.1');
    expect(result.credential).toMatchObject({
      id: 'http://example.edu/credentials/3732',
      issuanceDate: '2010-01-01T00:00:00Z',
    });
    expect(checkCredentialJwtClaims(result.claims, result.credential)).toEqual([]);
  });

  it('reports a non-object payload as a problem', () => {
    expect(credentialFromJwtPayload('x')).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'payload_not_object' }),
    });
    expect(credentialFromJwtPayload({ vc: 3 })).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'vc_claim_not_object' }),
    });
  });

  it('names every inconsistency between claims and credential', () => {
    const credential = sampleCredential({ recipient: { did: 'did:example:alice' } });
    const good = credentialJwtClaims(credential);
    const codes = (claims: Record<string, unknown>) => checkCredentialJwtClaims(claims, credential).map((p) => p.code);
    expect(codes({ ...good, iss: 'did:web:evil.example' })).toEqual(['iss_mismatch']);
    expect(codes({ ...good, sub: 'did:example:mallory' })).toEqual(['sub_mismatch']);
    expect(codes({ ...good, nbf: good.nbf - 1 })).toEqual(['nbf_mismatch']);
    expect(codes({ ...good, jti: 'urn:uuid:other' })).toEqual(['jti_mismatch']);
    expect(codes({ ...good, exp: good.exp! + 60 })).toEqual(['exp_mismatch']);
    const { iss: _i, sub: _s, nbf: _n, jti: _j, exp: _e, ...none } = good;
    expect(codes(none)).toEqual(['iss_missing', 'sub_missing', 'nbf_missing', 'jti_missing', 'exp_missing']);
  });

  it('accepts an identifier-only subject with no sub, and refuses a sub that is no identityHash', () => {
    const credential = sampleCredential();
    const { sub: _sub, ...withoutSub } = credentialJwtClaims(credential);
    expect(checkCredentialJwtClaims(withoutSub, credential)).toEqual([]);
    expect(checkCredentialJwtClaims({ ...withoutSub, sub: 'sha256$00' }, credential).map((p) => p.code)).toEqual([
      'sub_mismatch',
    ]);
  });
});

describe('compact JWS', () => {
  it('encodes the signing input and decodes it back', () => {
    const input = jwsSigningInput({ alg: 'ES256', kid: 'did:web:x#key-1', typ: 'JWT' }, { a: 'é' });
    const decoded = decodeCompactJws(`${input}.${Buffer.from('sig').toString('base64url')}`);
    expect(decoded).toMatchObject({
      ok: true,
      jws: { header: { alg: 'ES256' }, payload: { a: 'é' }, signingInput: input },
    });
  });

  it.each([
    ['a.b', 'token_not_compact_jws'],
    ['a.b.c.d', 'token_not_compact_jws'],
    ['a+.b.c', 'token_bad_base64url'],
    [`${Buffer.from('[1]').toString('base64url')}.e30.c2ln`, 'header_not_json_object'],
    [`e30.${Buffer.from('{').toString('base64url')}.c2ln`, 'payload_not_json'],
  ])('refuses %s with %s', (token, code) => {
    expect(decodeCompactJws(token)).toEqual({ ok: false, problem: expect.objectContaining({ code }) });
  });
});

import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildOpenBadgeCredential,
  credentialJoseHeader,
  credentialJwtPayloadJson,
  type OpenBadgeCredential,
} from '@credstream/open-badges';
import { parseConfig } from '@credstream/config';
import { bootService, type BootedService } from '@credstream/testing';
import { VerificationAppModule } from '../app/verification-app.module';
import { verificationConfigSchema } from '../config/verification.config';
import { VERIFICATION_SERVICE } from '../service-description';

interface Check {
  name: string;
  status: string;
  code?: string;
}
interface Result {
  verified: boolean;
  checks: Check[];
  problemDetails: { reasonCode: string; check: string }[];
  warnings: { reasonCode: string; check: string }[];
  credential?: Record<string, unknown>;
}

const RECIPIENT_EMAIL = 'ana.silva@example.org';
const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

describe('verifying a credential over HTTP (did:web issuer on a local server)', () => {
  let didServer: Server;
  let service: BootedService;
  let did: string;
  let privateKey: KeyObject;
  let validJwt: string;

  const signJwt = (credential: OpenBadgeCredential): string => {
    const signingInput = `${b64url(JSON.stringify(credentialJoseHeader('ES256', `${did}#key-1`)))}.${b64url(
      credentialJwtPayloadJson(credential),
    )}`;
    const signature = sign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    return `${signingInput}.${b64url(signature)}`;
  };

  const post = async (
    path: string,
    body: unknown,
  ): Promise<{ status: number; body: Result & Record<string, unknown> }> => {
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Result & Record<string, unknown> };
  };
  const check = (result: Result, name: string) => result.checks.find((c) => c.name === name);

  beforeAll(async () => {
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    privateKey = keys.privateKey;
    const publicJwk = keys.publicKey.export({ format: 'jwk' });
    didServer = createServer((req, res) => {
      if (req.url !== '/.well-known/did.json') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/did+json' });
      res.end(
        JSON.stringify({
          '@context': ['https://www.w3.org/ns/did/v1'],
          id: did,
          verificationMethod: [{ id: `${did}#key-1`, type: 'JsonWebKey', controller: did, publicKeyJwk: publicJwk }],
          assertionMethod: [`${did}#key-1`],
        }),
      );
    });
    await new Promise<void>((resolve) => didServer.listen(0, '127.0.0.1', resolve));
    did = `did:web:localhost%3A${(didServer.address() as AddressInfo).port}`;

    validJwt = signJwt(
      buildOpenBadgeCredential({
        id: '9b3a4c2e-1f0d-4e8b-a7c6-5d4e3f2a1b0c',
        issuer: { id: did, name: 'Universidade Exemplo', url: 'https://uni.example' },
        achievement: {
          id: 'https://uni.example/achievements/data-engineering',
          name: 'Data Engineering Fundamentals',
          description: 'Designs and operates batch and streaming data pipelines.',
          criteria: { narrative: 'Passed the final project.' },
        },
        recipient: { email: RECIPIENT_EMAIL, salt: 'q8R2xVb1' },
        validFrom: new Date(Date.now() - 86_400_000),
        validUntil: new Date(Date.now() + 365 * 86_400_000),
      }),
    );

    service = await bootService(VERIFICATION_SERVICE, (logger) =>
      VerificationAppModule.register(
        parseConfig(verificationConfigSchema, { DID_WEB_ALLOW_INSECURE_LOCALHOST: 'true' }),
        logger,
      ),
    );
  });

  afterAll(async () => {
    await service?.close();
    didServer?.closeAllConnections();
    await new Promise((resolve) => didServer?.close(resolve));
  });

  it('verifies a valid credential: 200, verified, signature passed, ISSUER_UNKNOWN only a warning', async () => {
    const { status, body } = await post('/verify', { credential: validJwt });
    expect(status).toBe(200);
    expect(body.problemDetails).toEqual([]);
    expect(body.verified).toBe(true);
    expect(check(body, 'signature')).toMatchObject({ status: 'passed' });
    expect(check(body, 'schema')).toMatchObject({ status: 'passed' });
    expect(body.warnings).toEqual([expect.objectContaining({ check: 'issuer', reasonCode: 'ISSUER_UNKNOWN' })]);
    expect(body.credential).toMatchObject({ issuer: { id: did } });
  });

  it('matches the recipient the verifier names, and reports a different one', async () => {
    const match = await post('/verify', { credential: validJwt, recipient: { email: RECIPIENT_EMAIL } });
    expect(match.body.verified).toBe(true);
    expect(check(match.body, 'recipient')).toMatchObject({ status: 'passed' });

    const other = await post('/verify', {
      credential: validJwt,
      recipient: { email: 'someone.else@example.org' },
      verifier: { organization: 'Acme', sector: 'J62', country: 'pt' },
    });
    expect(other.status).toBe(200);
    expect(other.body.verified).toBe(false);
    expect(check(other.body, 'recipient')).toMatchObject({ status: 'failed', code: 'RECIPIENT_MISMATCH' });
  });

  it('refuses a payload changed after signing: 200, not verified, SIGNATURE_INVALID', async () => {
    const [header, payload, signature] = validJwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { name: string };
    const tampered = `${header}.${b64url(JSON.stringify({ ...claims, name: 'Doctor of Everything' }))}.${signature}`;

    const { status, body } = await post('/verify', { credential: tampered });
    expect(status).toBe(200);
    expect(body.verified).toBe(false);
    expect(check(body, 'signature')).toMatchObject({ status: 'failed', code: 'SIGNATURE_INVALID' });
    expect(body.problemDetails).toEqual([expect.objectContaining({ reasonCode: 'SIGNATURE_INVALID' })]);
  });

  it('takes the VCALM shape on /credentials/verify, compact or enveloped', async () => {
    const compact = await post('/credentials/verify', { verifiableCredential: validJwt, options: {} });
    expect(compact.status).toBe(200);
    expect(compact.body).toMatchObject({ verified: true, problemDetails: [] });

    const enveloped = await post('/credentials/verify', {
      verifiableCredential: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+jwt,${validJwt}`,
      },
    });
    expect(enveloped.status).toBe(200);
    expect(enveloped.body.verified).toBe(true);
    expect(check(enveloped.body, 'signature')).toMatchObject({ status: 'passed' });
    expect(enveloped.body).not.toHaveProperty('credential');
  });

  it('answers a garbage string with 200, not verified, JWT_MALFORMED', async () => {
    for (const path of ['/verify', '/credentials/verify']) {
      const field = path === '/verify' ? 'credential' : 'verifiableCredential';
      const { status, body } = await post(path, { [field]: 'this is not a credential' });
      expect(status).toBe(200);
      expect(body.verified).toBe(false);
      expect(body.problemDetails).toEqual([
        expect.objectContaining({ check: 'structure', reasonCode: 'JWT_MALFORMED' }),
      ]);
    }
  });

  it('answers a request of the wrong shape with 400 VERIFY_REQUEST_INVALID naming the field, never a 5xx', async () => {
    const missing = await post('/verify', { recipient: { email: RECIPIENT_EMAIL } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      status: 400,
      code: 'VERIFY_REQUEST_INVALID',
      errors: [{ field: 'credential', message: 'is required' }],
    });

    const wrongType = await post('/credentials/verify', { verifiableCredential: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({
      code: 'VERIFY_REQUEST_INVALID',
      errors: [{ field: 'verifiableCredential' }],
    });

    const badRecipient = await post('/verify', { credential: validJwt, recipient: { email: 'not-an-email' } });
    expect(badRecipient.status).toBe(400);
    expect(badRecipient.body).toMatchObject({ code: 'VERIFY_REQUEST_INVALID', errors: [{ field: 'recipient.email' }] });

    const notJson = await fetch(`${service.url}/verify`, { method: 'POST', body: 'eyJhbGciOi' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 'VERIFY_REQUEST_INVALID' });

    const tooLarge = await post('/verify', { credential: 'a'.repeat(300 * 1024) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('documents both endpoints at /docs under the verification tag', async () => {
    const document = (await (await fetch(`${service.url}/docs/openapi.json`)).json()) as {
      paths: Record<string, { post?: { tags?: string[] } }>;
    };
    expect(document.paths['/verify']?.post?.tags).toEqual(['verification']);
    expect(document.paths['/credentials/verify']?.post?.tags).toEqual(['verification']);
  });
});

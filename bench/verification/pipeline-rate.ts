import { createPublicKey, verify } from 'node:crypto';
import { join } from 'node:path';
import {
  BitstringStatusList,
  buildStatusListCredential,
  buildStatusListEntry,
  type JwtSignableCredential,
} from '@credstream/open-badges';
import {
  JwtProofVerifier,
  TokenFactsMemo,
  VerifiedStatusListProvider,
  VerifyCredentialHandler,
  type IssuerDirectory,
} from '@credstream/verification/application';
import { verificationPolicy } from '@credstream/verification/domain';
import {
  DidWebKeyResolver,
  FileOb3SchemaValidator,
  HttpStatusListFetcher,
  NodeCryptoSignatureVerifier,
  type SafeHttpFetcher,
} from '@credstream/verification/infrastructure';
import type { Measurement } from '../lib/bench-report';
import { credentialFor, generateEcKey, signCredential } from './bench-credentials';

export const ISSUER_DID = 'did:web:uni.example:issuers:bench';
export const KID = `${ISSUER_DID}#key-1`;
const LIST_URL = 'https://uni.example/status/revocation/1';
const SCHEMA_DIR = join(__dirname, '..', '..', '..', 'shared', 'standards', 'ob3', 'schemas');

/** A fetcher that answers from memory, as the caches would after the first fetch: no network in this measure. */
function memoryFetcher(documents: Record<string, string>): SafeHttpFetcher {
  return {
    get: async (url: string) =>
      documents[url] === undefined
        ? { ok: false, code: 'HTTP_ERROR', message: 'not found', status: 404 }
        : { ok: true, status: 200, body: documents[url], headers: { 'cache-control': 'max-age=3600' } },
  } as unknown as SafeHttpFetcher;
}

const noKnownIssuers: IssuerDirectory = {
  findIssuer: async () => undefined,
  credentialStatus: async () => undefined,
};

const ROUNDS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Operations per CPU-second of this process (user + system, so GC threads count too): on a machine shared with other
 * work, wall-clock rates depend on who else runs; CPU time is what one core spends per verification.
 */
async function rate(seconds: number, work: () => unknown | Promise<unknown>): Promise<number> {
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const started = process.cpuUsage();
  let count = 0;
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 100; i++) await work();
    count += 100;
  }
  const used = process.cpuUsage(started);
  return count / ((used.user + used.system) / 1e6);
}

/**
 * (a) The whole check pipeline on one core (signature, claims, schema, dates, status with a verified and cached
 * list, did:web key from a cached DID document), against raw node:crypto ES256 verification of the same token.
 */
export async function measurePipelineRate(seconds: number): Promise<Measurement[]> {
  const { handler, query, raw } = await pipelineUnderTest();
  await rate(1, raw);
  await rate(1, () => handler.execute(query));
  // Alternating rounds, median of each: the machine is shared, so neither side gets all the quiet moments.
  const rawRates: number[] = [];
  const pipelineRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    rawRates.push(await rate(seconds / ROUNDS, raw));
    pipelineRates.push(await rate(seconds / ROUNDS, () => handler.execute(query)));
  }
  return measurements(median(rawRates), median(pipelineRates));
}

/** The handler with real adapters over in-memory documents, a verifying credential, and the raw check of it. */
export async function pipelineUnderTest() {
  const key = generateEcKey();
  const list = BitstringStatusList.create();
  list.set(3);
  const statusList = signCredential(
    buildStatusListCredential({
      id: LIST_URL,
      issuer: ISSUER_DID,
      statusPurpose: 'revocation',
      encodedList: list.encode(),
      validFrom: '2026-01-01T00:00:00Z',
    }) as unknown as JwtSignableCredential,
    key,
    KID,
  );
  const didDocument = JSON.stringify({
    '@context': ['https://www.w3.org/ns/did/v1'],
    id: ISSUER_DID,
    verificationMethod: [{ id: KID, type: 'JsonWebKey', controller: ISSUER_DID, publicKeyJwk: key.publicJwk }],
    assertionMethod: [KID],
  });
  const fetcher = memoryFetcher({
    'https://uni.example/.well-known/did.json': didDocument,
    'https://uni.example/issuers/bench/did.json': didDocument,
    [LIST_URL]: statusList,
  });
  const keyResolver = new DidWebKeyResolver(fetcher);
  // Nothing remembered by token: every round decodes, validates and checks the signature, as for a new credential.
  const signatureVerifier = new NodeCryptoSignatureVerifier(undefined, 0);
  const clock = { now: () => new Date() };
  const policy = verificationPolicy();
  const handler = new VerifyCredentialHandler(
    {
      keyResolver,
      signatureVerifier,
      statusListProvider: new VerifiedStatusListProvider(
        new HttpStatusListFetcher(fetcher),
        new JwtProofVerifier(keyResolver, signatureVerifier, policy),
        noKnownIssuers,
        clock,
      ),
      schemaValidator: new FileOb3SchemaValidator(SCHEMA_DIR),
      issuerDirectory: noKnownIssuers,
      clock,
    },
    {},
    new TokenFactsMemo({ maxEntries: 0 }),
  );
  const token = signCredential(
    credentialFor(ISSUER_DID, '9b3a4c2e-1f0d-4e8b-a7c6-5d4e3f2a1b0c', {
      credentialStatus: buildStatusListEntry({
        statusListCredential: LIST_URL,
        statusListIndex: 94,
        statusPurpose: 'revocation',
      }),
    }),
    key,
    KID,
  );
  const query = {
    verificationId: '01932c8e-0000-7000-8000-000000000010',
    input: { kind: 'text' as const, text: token },
    channel: 'api' as const,
  };
  const first = await handler.execute(query);
  if (!first.result.verified || first.result.checks.some((c) => c.name === 'status' && c.status !== 'passed')) {
    throw new Error(`the bench credential does not verify: ${JSON.stringify(first.result.problemDetails)}`);
  }

  const signingInput = token.slice(0, token.lastIndexOf('.'));
  const signaturePart = token.slice(token.lastIndexOf('.') + 1);
  const publicKey = createPublicKey({ key: key.publicJwk as never, format: 'jwk' });
  const signature = Buffer.from(signaturePart, 'base64url');
  const raw = () => {
    if (!verify('sha256', Buffer.from(signingInput), { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)) {
      throw new Error('raw verification failed');
    }
  };

  return { handler, query, raw };
}

function measurements(rawRate: number, pipelineRate: number): Measurement[] {
  const ceiling = { metric: 'raw node:crypto ES256 verify of the same token', value: rawRate };
  return [
    {
      metric: 'raw node:crypto ES256 verify (one core)',
      value: rawRate,
      unit: 'verifications/s',
      note: 'per CPU-second, key imported once',
    },
    {
      metric: 'full verification pipeline (one core)',
      value: pipelineRate,
      unit: 'verifications/s',
      target: { op: '>=', value: rawRate * 0.5 },
      ceiling,
      note:
        'per CPU-second; signature, claims, OB 3.0 schema, validity, BitstringStatusList (verified, cached), did:web ' +
        'key (cached DID document); target: at least 50 % of raw verification; stock did-jwt-vc reaches about 6 %',
    },
  ];
}

import { generateKeyPairSync, sign } from 'node:crypto';
import { ES256Signer, createJWT } from 'did-jwt';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { AesGcmSigningKeyVault, VcJwtSigner } from '@credstream/issuance/infrastructure';
import {
  type OpenBadgeCredential,
  buildOpenBadgeCredential,
  buildStatusListEntry,
  credentialJoseHeader,
  credentialJwtClaims,
  jwsSigningInput,
  shareAchievement,
  shareProfile,
} from '@credstream/open-badges';
import type { Measurement } from '../lib/bench-report';

export interface SigningBenchOptions {
  /** Seconds per timed run; each contender runs `rounds` times, interleaved, and reports its median. */
  seconds: number;
  rounds: number;
  /** Size of the rotating set of distinct credentials signed. */
  credentials: number;
}

export const DEFAULT_SIGNING_BENCH_OPTIONS: SigningBenchOptions = { seconds: 1, rounds: 3, credentials: 1_000 };

const ISSUER = 'did:web:credstream.example:issuers:5d1c1f0e-6a43-4a55-9d1b-2f5b8f8c1a01';
const KID = `${ISSUER}#key-1`;

/**
 * A bulk job issues one achievement from one issuer: both are built once (deep-frozen, JSON cached) and shared by
 * every credential, as the issuance service does. Per-credential parts (id, recipient, evidence, status) vary.
 */
const BULK_ISSUER = shareProfile({
  id: ISSUER,
  name: 'Universidade Exemplo',
  url: 'https://uni.example.org',
  email: 'badges@uni.example.org',
});
const BULK_ACHIEVEMENT = shareAchievement({
  id: 'https://credstream.example/achievements/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  name: 'Data Engineering Fundamentals',
  description: 'Designs and operates batch and streaming data pipelines.',
  criteria: { narrative: 'Completed the 60-hour course and passed the final project with a score of 80 or more.' },
  achievementType: 'Certificate',
  image: { id: 'https://credstream.example/images/data-eng.png', type: 'Image' },
  alignment: [
    {
      type: ['Alignment'],
      targetName: 'manage data pipelines',
      targetUrl: 'http://data.europa.eu/esco/skill/2f8a1b0e-5d3c-4f1e-9a7b-6c5d4e3f2a1b',
      targetFramework: 'ESCO',
    },
  ],
});

/** A realistic credential: email recipient, alignment, evidence, status entry, validUntil. */
function credentialNumber(n: number): OpenBadgeCredential {
  const suffix = n.toString(16).padStart(12, '0');
  return buildOpenBadgeCredential({
    id: `9b3a4c2e-1f0d-4e8b-a7c6-${suffix}`,
    issuer: BULK_ISSUER,
    achievement: BULK_ACHIEVEMENT,
    recipient: { email: `learner${n}@example.org`, salt: `s${suffix}` },
    validFrom: '2026-06-30T09:15:00Z',
    validUntil: '2029-06-30T09:15:00Z',
    evidence: [{ id: `https://lms.example.org/submissions/${n}`, name: 'Final project' }],
    credentialStatus: buildStatusListEntry({
      statusListCredential: 'https://credstream.example/status/5d1c1f0e/revocation/1',
      statusListIndex: (n * 7919) % 131_072,
      statusPurpose: 'revocation',
    }),
  });
}

/** Operations per second of `op`, run in batches for `seconds`; an op that does `perCall` operations counts as many. */
async function rate(op: () => unknown, seconds: number, perCall = 1): Promise<number> {
  const batch = 32;
  const end = performance.now() + seconds * 1000;
  let count = 0;
  const started = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < batch; i++) await op();
    count += batch * perCall;
  }
  return count / ((performance.now() - started) / 1000);
}

/** Same as {@link rate} for a synchronous operation: no await, so the ceiling carries no promise overhead. */
function syncRate(op: () => unknown, seconds: number): number {
  const batch = 32;
  const end = performance.now() + seconds * 1000;
  let count = 0;
  const started = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < batch; i++) op();
    count += batch;
  }
  return count / ((performance.now() - started) / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function assertVerifies(jwt: string, jwk: Record<string, unknown>, alg: string, label: string): Promise<void> {
  try {
    await compactVerify(jwt, await importJWK(jwk, alg));
  } catch (error) {
    throw new Error(`${label} produced a token jose does not verify: ${(error as Error).message}`);
  }
}

export async function runSigningBench(
  options: SigningBenchOptions = DEFAULT_SIGNING_BENCH_OPTIONS,
): Promise<{ measurements: Measurement[]; parameters: Record<string, unknown> }> {
  const credentials = Array.from({ length: options.credentials }, (_, n) => credentialNumber(n));
  const vault = new AesGcmSigningKeyVault({ masterKey: Buffer.alloc(32, 7) });
  const signer = new VcJwtSigner(vault);
  const es256 = await vault.createKey('ES256');
  const rs256 = await vault.createKey('RS256');

  // The other contenders need the private key itself, so they get their own key pair of the same kind
  // instead of the bench opening the vault.
  const rawEs = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rawRs = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const esKey = rawEs.privateKey;
  const rsKey = rawRs.privateKey;
  const esPrivateJwk = rawEs.privateKey.export({ format: 'jwk' });
  const esPublicJwk = rawEs.publicKey.export({ format: 'jwk' });
  const joseKey = await importJWK(esPrivateJwk, 'ES256');
  const didJwtSigner = ES256Signer(Buffer.from(esPrivateJwk.d as string, 'base64url'));
  const header = credentialJoseHeader('ES256', KID);

  // Exact signing inputs of the credentials credstream signs: the ceiling signs these very bytes.
  const signingInputs = credentials.map((c) => Buffer.from(jwsSigningInput(header, credentialJwtClaims(c)), 'latin1'));
  const rsSigningInputs = credentials.map((c) =>
    Buffer.from(jwsSigningInput(credentialJoseHeader('RS256', KID), credentialJwtClaims(c)), 'latin1'),
  );
  let i = 0;
  const next = () => (i = (i + 1) % credentials.length);
  const BATCH = 32;
  const nextBatch = () => Array.from({ length: BATCH }, () => credentials[next()]);

  const contenders = {
    ceiling: () => sign('sha256', signingInputs[next()], { key: esKey, dsaEncoding: 'ieee-p1363' }),
    credstream: () => signer.signAll(nextBatch(), { alg: 'ES256', kid: KID }, es256.keyRef),
    jose: () =>
      new CompactSign(Buffer.from(JSON.stringify(credentialJwtClaims(credentials[next()]))))
        .setProtectedHeader({ ...header })
        .sign(joseKey),
    didJwt: () =>
      createJWT(
        credentialJwtClaims(credentials[next()]),
        { issuer: ISSUER, signer: didJwtSigner, alg: 'ES256' },
        { kid: KID },
      ),
    rsCeiling: () => sign('sha256', rsSigningInputs[next()], rsKey),
    credstreamRs: () => signer.sign(credentials[next()], { alg: 'RS256', kid: KID }, rs256.keyRef),
  };

  for (const jwt of await contenders.credstream()) {
    await assertVerifies(jwt, es256.publicJwk, 'ES256', 'credstream ES256');
  }
  await assertVerifies(await contenders.credstreamRs(), rs256.publicJwk, 'RS256', 'credstream RS256');
  await assertVerifies(await contenders.jose(), esPublicJwk, 'ES256', 'jose');
  await assertVerifies(await contenders.didJwt(), esPublicJwk, 'ES256', 'did-jwt');

  const warm = Math.min(0.5, options.seconds);
  syncRate(contenders.ceiling, warm);
  await rate(contenders.credstream, warm, BATCH);
  await rate(contenders.jose, warm);

  // The ratio's two sides alternate within each round, so drift (thermal, neighbours) hits both alike.
  const runs = { ceiling: [] as number[], credstream: [] as number[], jose: [] as number[] };
  for (let round = 0; round < options.rounds; round++) {
    runs.ceiling.push(syncRate(contenders.ceiling, options.seconds));
    runs.credstream.push(await rate(contenders.credstream, options.seconds, BATCH));
  }
  for (let round = 0; round < options.rounds; round++) runs.jose.push(await rate(contenders.jose, options.seconds));
  await rate(contenders.didJwt, warm);
  const didJwt = await rate(contenders.didJwt, options.seconds);
  const rsCeiling = syncRate(contenders.rsCeiling, options.seconds);
  const credstreamRs = await rate(contenders.credstreamRs, options.seconds);

  const ceiling = { metric: 'raw ES256', value: median(runs.ceiling) };
  const credstream = median(runs.credstream);
  const measurements: Measurement[] = [
    {
      metric: 'raw node:crypto ES256 sign (ceiling)',
      value: ceiling.value,
      unit: 'signatures/s',
      note: 'crypto.sign over the exact JWS signing input, pre-imported KeyObject',
    },
    {
      metric: 'credstream VC-JWT ES256 (node:crypto)',
      value: credstream,
      unit: 'credentials/s',
      ceiling,
      target: { op: '>=', value: 0.7 * ceiling.value },
      note: 'credential -> claims -> JSON -> base64url -> vault sign (cached key) -> compact JWS; signAll of 32 per call, as bulk issuance signs its batches',
    },
    {
      metric: 'credstream signing / raw ES256',
      value: (credstream / ceiling.value) * 100,
      unit: '%',
      target: { op: '>=', value: 70 },
    },
    {
      metric: 'jose CompactSign ES256 (WebCrypto)',
      value: median(runs.jose),
      unit: 'credentials/s',
      ceiling,
      note: 'same payload, jose 6 with an imported CryptoKey',
    },
    {
      metric: 'stock did-jwt createJWT + ES256Signer',
      value: didJwt,
      unit: 'credentials/s',
      ceiling,
      note: 'pure-JS P-256 signer',
    },
    {
      metric: 'raw node:crypto RS256 sign',
      value: rsCeiling,
      unit: 'signatures/s',
    },
    {
      metric: 'credstream VC-JWT RS256 (node:crypto)',
      value: credstreamRs,
      unit: 'credentials/s',
      ceiling: { metric: 'raw RS256', value: rsCeiling },
    },
  ];
  const parameters = {
    ...options,
    credentialBytes: signingInputs[0].length,
    curve: 'P-256',
    rsaModulusBits: 2048,
    cores: 1,
    method: 'one thread; contenders interleaved per round, median of rounds; did-jwt and RS256 one run each',
  };
  return { measurements, parameters };
}

import { verificationPolicy, type CredentialInput, type VerificationPolicy } from '@credstream/verification/domain';
import { JwtProofVerifier } from '../proof/jwt-proof.verifier';
import { VerifiedStatusListProvider } from '../status/verified-status-list.provider';
import { NOW, REVOCATION_LIST_URL, signedStatusList } from '../testing/credential.fixtures';
import {
  FixedClock,
  InMemoryIssuerDirectory,
  InMemoryKeyResolver,
  InMemoryStatusListFetcher,
} from '../testing/in-memory-ports.fixtures';
import { ob3SchemaValidator } from '../testing/ob3-standards.fixtures';
import { nodeCryptoSignatureVerifier, type TestKey } from '../testing/test-keys.fixtures';
import type { BakedBadgeReader } from '../ports/baked-badge-reader.port';
import type { VerificationRecorder } from '../ports/verification-recorder.port';
import { VerifyCredentialHandler } from './verify-credential.handler';
import type { VerifyCredentialQuery, VerifyCredentialResult } from './verify-credential.query';

/** The handler wired to in-memory ports and real cryptography; the issuer's did:web key and list are published. */
export function verificationHarness(
  issuerKey: TestKey,
  kid: string,
  policy: Partial<VerificationPolicy> = {},
  recorder?: VerificationRecorder,
) {
  const keyResolver = new InMemoryKeyResolver();
  keyResolver.keys.set(kid, issuerKey.publicJwk);
  const fetcher = new InMemoryStatusListFetcher();
  fetcher.documents.set(
    REVOCATION_LIST_URL,
    signedStatusList(issuerKey, { url: REVOCATION_LIST_URL, purpose: 'revocation', kid }),
  );
  const issuerDirectory = new InMemoryIssuerDirectory();
  const clock = new FixedClock(NOW);
  const proof = new JwtProofVerifier(keyResolver, nodeCryptoSignatureVerifier, verificationPolicy(policy));
  const statusListProvider = new VerifiedStatusListProvider(fetcher, proof, issuerDirectory, clock);
  const handler = new VerifyCredentialHandler(
    {
      keyResolver,
      signatureVerifier: nodeCryptoSignatureVerifier,
      statusListProvider,
      schemaValidator: ob3SchemaValidator(),
      issuerDirectory,
      clock,
      bakedBadgeReader: fakeBakedBadgeReader,
      recorder,
    },
    policy,
  );
  const verify = (input: CredentialInput | string, query: Partial<VerifyCredentialQuery> = {}) =>
    handler.execute({
      verificationId: '01932c8e-0000-7000-8000-000000000010',
      input: typeof input === 'string' ? { kind: 'text', text: input } : input,
      channel: 'api',
      ...query,
    });
  return { keyResolver, fetcher, issuerDirectory, clock, handler, verify };
}

/** Reads the credential from an "image" whose bytes are `BAKED:<text>` (the real reader is an adapter). */
const fakeBakedBadgeReader: BakedBadgeReader = {
  read(_mediaType, bytes) {
    const text = Buffer.from(bytes).toString('utf8');
    return text.startsWith('BAKED:')
      ? { ok: true, text: text.slice('BAKED:'.length) }
      : { ok: false, failure: { code: 'IMAGE_WITHOUT_CREDENTIAL', message: 'no credential baked in' } };
  },
};

/** `name → status` or `name → status:CODE`, in order: one readable line per check. */
export function outline(outcome: VerifyCredentialResult): Record<string, string> {
  return Object.fromEntries(
    outcome.result.checks.map((check) => [check.name, check.code ? `${check.status}:${check.code}` : check.status]),
  );
}

export const ALL_PASSED = {
  structure: 'passed',
  algorithm: 'passed',
  key: 'passed',
  signature: 'passed',
  claims: 'passed',
  schema: 'passed',
  validity: 'passed',
  status: 'passed',
  issuer: 'failed:ISSUER_UNKNOWN',
  recipient: 'skipped:NOT_APPLICABLE',
};

export const BLOCKED_AFTER = (failedCheck: string, code: string): Record<string, string> => {
  const names = Object.keys(ALL_PASSED);
  const at = names.indexOf(failedCheck);
  return Object.fromEntries(
    names.map((name, i) => [name, i < at ? 'passed' : i === at ? `failed:${code}` : 'skipped:BLOCKED']),
  );
};

import {
  blockingFailureOf,
  checkClaims,
  checkIssuerTrust,
  checkRecipient,
  checkSchema,
  checkStatus,
  checkValidityPeriod,
  credentialVerifiedData,
  schemaIdsFor,
  statusEntriesOf,
  verificationPolicy,
  verificationResultOf,
  failed,
  normalizeCredentialInput,
  type CheckResult,
  type CredentialInput,
  type ParsedCredentialJwt,
  type SchemaOutcome,
  type StatusListLookup,
  type VerificationPolicy,
  warning,
} from '@credstream/verification/domain';
import type { BakedBadgeReader } from '../ports/baked-badge-reader.port';
import type { Clock } from '../ports/clock.port';
import type { IssuerDirectory, KnownIssuer } from '../ports/issuer-directory.port';
import type { KeyResolver } from '../ports/key-resolver.port';
import type { SchemaValidator } from '../ports/schema-validator.port';
import type { SignatureVerifier } from '../ports/signature-verifier.port';
import type { StatusListProvider } from '../ports/status-list-provider.port';
import type { VerificationRecorder } from '../ports/verification-recorder.port';
import { JwtProofVerifier } from '../proof/jwt-proof.verifier';
import { attempt } from '../support/attempt';
import { TokenFactsMemo, type TokenFacts } from './token-facts.memo';
import type { VerifyCredentialQuery, VerifyCredentialResult } from './verify-credential.query';

export interface VerifyCredentialDependencies {
  keyResolver: KeyResolver;
  signatureVerifier: SignatureVerifier;
  statusListProvider: StatusListProvider;
  schemaValidator: SchemaValidator;
  issuerDirectory: IssuerDirectory;
  clock: Clock;
  /** Without it, a baked image is refused as FORMAT_UNSUPPORTED. */
  bakedBadgeReader?: BakedBadgeReader;
  /** Without it, verifications are not recorded (unit tests of the checks). */
  recorder?: VerificationRecorder;
}

type IssuerLookup = { known?: KnownIssuer; failed?: string };

/**
 * Verifies one credential: every check in the OB 3.0 order, each through a port where it needs the outside world.
 * Always resolves with a result, whatever the input: an invalid credential is an outcome, not an exception.
 */
export class VerifyCredentialHandler {
  private readonly policy: VerificationPolicy;
  private readonly proof: JwtProofVerifier;

  constructor(
    private readonly deps: VerifyCredentialDependencies,
    policy: Partial<VerificationPolicy> = {},
    private readonly memo: TokenFactsMemo = new TokenFactsMemo(),
  ) {
    this.policy = verificationPolicy(policy);
    this.proof = new JwtProofVerifier(deps.keyResolver, deps.signatureVerifier, this.policy);
  }

  async execute(query: VerifyCredentialQuery): Promise<VerifyCredentialResult> {
    const input = this.unbake(query.input);
    const facts = 'failure' in input ? { structure: input.failure } : this.factsOf(input);
    const { structure: check, jwt } = facts;
    const issuer = jwt?.issuerId ? await this.findIssuer(jwt.issuerId) : {};
    const checks = jwt ? [check, ...(await this.checkCredential(jwt, facts, issuer, query))] : [check];
    const result = verificationResultOf(checks);
    const event = credentialVerifiedData({
      verificationId: query.verificationId,
      result,
      credentialId: jwt?.credentialId,
      issuerId: jwt?.issuerId,
      issuerKnown: issuer.known !== undefined,
      issuerTenantId: issuer.known?.tenantId,
      credential: jwt?.credential,
      channel: query.channel,
      verifier: query.verifier,
      requestCountry: query.requestCountry,
    });
    const { recorder } = this.deps;
    if (recorder) {
      await attempt(
        () => recorder.record(event),
        () => undefined,
      );
    }
    const outcome: VerifyCredentialResult = jwt ? { result, event, credential: jwt.credential } : { result, event };
    if (issuer.known) outcome.issuer = { name: issuer.known.name, tenantId: issuer.known.tenantId };
    return outcome;
  }

  /** A baked image becomes the text baked into it; an image without a credential is a failed structure check. */
  private unbake(input: CredentialInput): CredentialInput | { failure: CheckResult } {
    if (input.kind !== 'baked-image') return input;
    const reader = this.deps.bakedBadgeReader;
    if (!reader) return { failure: failed('structure', 'FORMAT_UNSUPPORTED', 'baked images are not read here') };
    const unbaked = reader.read(input.mediaType, input.bytes);
    return unbaked.ok
      ? { kind: 'text', text: unbaked.text }
      : { failure: failed('structure', unbaked.failure.code, unbaked.failure.message) };
  }

  /** Token structure: the input comes down to a compact JWS whose header and payload decode to a credential. */
  private factsOf(input: CredentialInput): TokenFacts {
    const normalized = normalizeCredentialInput(input);
    if (!normalized.ok) return { structure: failed('structure', normalized.failure.code, normalized.failure.message) };
    return this.memo.factsOf(normalized.token);
  }

  private async checkCredential(
    jwt: ParsedCredentialJwt,
    facts: TokenFacts,
    issuer: IssuerLookup,
    query: VerifyCredentialQuery,
  ): Promise<CheckResult[]> {
    const proof = await this.proof.verify(jwt, issuer.known?.keys);
    if (blockingFailureOf(proof)) return proof;
    const now = this.deps.clock.now();
    const [schema, status] = await Promise.all([
      facts.schema ?? this.checkSchema(jwt, facts),
      this.checkStatus(jwt, issuer.known, now),
    ]);
    facts.claims ??= checkClaims(jwt.claims, jwt.credential);
    return [
      ...proof,
      facts.claims,
      schema,
      checkValidityPeriod({
        credential: jwt.credential,
        claims: jwt.claims,
        now,
        clockSkewSeconds: this.policy.clockSkewSeconds,
      }),
      status,
      issuer.failed === undefined
        ? checkIssuerTrust(jwt.issuerId, issuer.known !== undefined)
        : warning('issuer', 'ISSUER_UNKNOWN', `the issuer directory could not be read: ${issuer.failed}`),
      checkRecipient(jwt.credential, query.recipient),
    ];
  }

  private async findIssuer(issuerId: string): Promise<IssuerLookup> {
    return attempt<IssuerLookup>(
      async () => ({ known: await this.deps.issuerDirectory.findIssuer(issuerId) }),
      (message) => ({ failed: message }),
    );
  }

  /** Remembered with the token's facts unless a validator failed (an unreadable schema directory is retried). */
  private async checkSchema(jwt: ParsedCredentialJwt, facts: TokenFacts): Promise<CheckResult> {
    let adapterFailed = false;
    const outcomes = await Promise.all(
      schemaIdsFor(jwt.credential, jwt.dataModel).map(async (schemaId): Promise<SchemaOutcome> => {
        const validation = await attempt(
          () => this.deps.schemaValidator.validate(jwt.credential, schemaId),
          () => {
            adapterFailed = true;
            return { known: false as const };
          },
        );
        return { schemaId, ...validation };
      }),
    );
    const schema = checkSchema(outcomes);
    if (!adapterFailed) facts.schema = schema;
    return schema;
  }

  private async checkStatus(jwt: ParsedCredentialJwt, known: KnownIssuer | undefined, now: Date): Promise<CheckResult> {
    const entries = statusEntriesOf(jwt.credential);
    const { credentialId } = jwt;
    const knownStatus =
      known && credentialId
        ? await attempt(
            () => this.deps.issuerDirectory.credentialStatus(known.did, credentialId),
            () => undefined,
          )
        : undefined;
    const lists = new Map<string, StatusListLookup>();
    if (!knownStatus) {
      const urls = [...new Set(entries.entries.map((entry) => entry.listUrl))];
      const lookups = await Promise.all(urls.map((url) => this.fetchList(url)));
      urls.forEach((url, i) => lists.set(url, lookups[i]));
    }
    return checkStatus({
      credentialIssuerId: jwt.issuerId,
      entries,
      lists,
      known: knownStatus,
      now,
      clockSkewSeconds: this.policy.clockSkewSeconds,
    });
  }

  private fetchList(url: string): Promise<StatusListLookup> {
    return attempt(
      () => this.deps.statusListProvider.get(url),
      (message) => ({ ok: false, failure: { code: 'STATUS_UNAVAILABLE', message } }),
    );
  }
}

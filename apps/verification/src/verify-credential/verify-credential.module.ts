import { resolve } from 'node:path';
import { DynamicModule, Module, type Provider } from '@nestjs/common';
import {
  CLOCK,
  ISSUER_DIRECTORY,
  JwtProofVerifier,
  KEY_RESOLVER,
  SCHEMA_VALIDATOR,
  SIGNATURE_VERIFIER,
  STATUS_LIST_FETCHER,
  STATUS_LIST_PROVIDER,
  VERIFICATION_POLICY,
  VerifiedStatusListProvider,
  VerifyCredentialHandler,
  type Clock,
  type IssuerDirectory,
  type KeyResolver,
  type SchemaValidator,
  type SignatureVerifier,
  type StatusListFetcher,
  type StatusListProvider,
} from '@credstream/verification/application';
import { verificationPolicy, type VerificationPolicy } from '@credstream/verification/domain';
import {
  DidWebKeyResolver,
  FileOb3SchemaValidator,
  HttpStatusListFetcher,
  JoseSignatureVerifier,
  SafeHttpFetcher,
} from '@credstream/verification/infrastructure';
import type { VerifyCredentialConfig } from '../config/verification.config';
import { CredentialsVerifyController } from './credentials-verify.controller';
import { NoKnownIssuersDirectory } from './no-known-issuers.directory';
import { SystemClock } from './system.clock';
import { VerifyController } from './verify.controller';

/** The use case of verifying a credential: its ports bound to their adapters, the handler, and both endpoints. */
@Module({})
export class VerifyCredentialModule {
  static register(config: VerifyCredentialConfig): DynamicModule {
    const providers: Provider[] = [
      {
        provide: VERIFICATION_POLICY,
        useFactory: (): Partial<VerificationPolicy> => ({ clockSkewSeconds: config.VERIFY_CLOCK_SKEW_SECONDS }),
      },
      {
        provide: SafeHttpFetcher,
        useFactory: () =>
          new SafeHttpFetcher({
            timeoutMs: config.VERIFY_FETCH_TIMEOUT_MS,
            allowInsecureLocalhost: config.DID_WEB_ALLOW_INSECURE_LOCALHOST,
          }),
      },
      {
        provide: KEY_RESOLVER,
        inject: [SafeHttpFetcher],
        useFactory: (fetcher: SafeHttpFetcher): KeyResolver =>
          new DidWebKeyResolver(fetcher, { allowInsecureLocalhost: config.DID_WEB_ALLOW_INSECURE_LOCALHOST }),
      },
      { provide: SIGNATURE_VERIFIER, useFactory: (): SignatureVerifier => new JoseSignatureVerifier() },
      {
        provide: SCHEMA_VALIDATOR,
        useFactory: (): SchemaValidator => new FileOb3SchemaValidator(resolve(process.cwd(), config.OB3_SCHEMA_DIR)),
      },
      { provide: CLOCK, useFactory: (): Clock => new SystemClock() },
      { provide: ISSUER_DIRECTORY, useFactory: (): IssuerDirectory => new NoKnownIssuersDirectory() },
      {
        provide: STATUS_LIST_FETCHER,
        inject: [SafeHttpFetcher],
        useFactory: (fetcher: SafeHttpFetcher): StatusListFetcher => new HttpStatusListFetcher(fetcher),
      },
      {
        provide: STATUS_LIST_PROVIDER,
        inject: [STATUS_LIST_FETCHER, KEY_RESOLVER, SIGNATURE_VERIFIER, ISSUER_DIRECTORY, CLOCK, VERIFICATION_POLICY],
        useFactory: (
          fetcher: StatusListFetcher,
          keyResolver: KeyResolver,
          signatureVerifier: SignatureVerifier,
          issuerDirectory: IssuerDirectory,
          clock: Clock,
          policy: Partial<VerificationPolicy>,
        ): StatusListProvider =>
          new VerifiedStatusListProvider(
            fetcher,
            new JwtProofVerifier(keyResolver, signatureVerifier, verificationPolicy(policy)),
            issuerDirectory,
            clock,
          ),
      },
      {
        provide: VerifyCredentialHandler,
        inject: [
          KEY_RESOLVER,
          SIGNATURE_VERIFIER,
          STATUS_LIST_PROVIDER,
          SCHEMA_VALIDATOR,
          ISSUER_DIRECTORY,
          CLOCK,
          VERIFICATION_POLICY,
        ],
        useFactory: (
          keyResolver: KeyResolver,
          signatureVerifier: SignatureVerifier,
          statusListProvider: StatusListProvider,
          schemaValidator: SchemaValidator,
          issuerDirectory: IssuerDirectory,
          clock: Clock,
          policy: Partial<VerificationPolicy>,
        ) =>
          new VerifyCredentialHandler(
            { keyResolver, signatureVerifier, statusListProvider, schemaValidator, issuerDirectory, clock },
            policy,
          ),
      },
    ];
    return {
      module: VerifyCredentialModule,
      controllers: [CredentialsVerifyController, VerifyController],
      providers,
    };
  }
}

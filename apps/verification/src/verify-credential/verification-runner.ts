import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { ProblemException } from '@credstream/runtime';
import {
  VERIFIER_DIRECTORY,
  VerifyCredentialHandler,
  type RegisteredVerifier,
  type VerifierDirectory,
  type VerifyCredentialResult,
} from '@credstream/verification/application';
import {
  MAX_TOKEN_LENGTH,
  credentialInputFrom,
  type CredentialInput,
  type VerificationChannel,
  type VerifierIdentity,
} from '@credstream/verification/domain';
import { verifierOfRequest } from '../verifier-organisations/verifier-authentication';
import { VERIFY_HTTP_OPTIONS, type VerifyHttpOptions } from './verify-http.options';
import type { VerifyRequestOptions } from './verify-request';

export const TOKEN_TOO_LARGE = 'TOKEN_TOO_LARGE';

/** Turns a parsed request into a verification: size limit, channel, verifier and country, then the checks. */
@Injectable()
export class VerificationRunner {
  constructor(
    private readonly handler: VerifyCredentialHandler,
    @Inject(VERIFY_HTTP_OPTIONS) private readonly options: VerifyHttpOptions,
    @Inject(VERIFIER_DIRECTORY) private readonly verifiers: VerifierDirectory,
  ) {}

  /** A JSON credential value (string or object) as sent to /verify or /credentials/verify. */
  verifyValue(
    value: unknown,
    request: VerifyRequestOptions,
    headers: IncomingHttpHeaders,
    channel?: VerificationChannel,
  ): Promise<VerifyCredentialResult> {
    assertNotTooLarge(value);
    return this.verify(credentialInputFrom(value), request, headers, channel);
  }

  async verify(
    input: CredentialInput,
    request: VerifyRequestOptions,
    headers: IncomingHttpHeaders,
    channel?: VerificationChannel,
  ): Promise<VerifyCredentialResult> {
    const registered = await verifierOfRequest(headers, this.verifiers);
    return this.handler.execute({
      verificationId: randomUUID(),
      input,
      channel: channel ?? request.channel ?? 'api',
      recipient: request.recipient,
      // A key's registered organisation wins over what the request declares about itself.
      verifier: registered ? registeredIdentity(registered) : (request.verifier ?? verifierFromHeaders(headers)),
      requestCountry: this.countryOf(headers),
    });
  }

  private countryOf(headers: IncomingHttpHeaders): string | undefined {
    if (!this.options.countryHeader) return undefined;
    const value = headerValue(headers, this.options.countryHeader)?.trim().toUpperCase();
    return value && /^[A-Z]{2}$/.test(value) ? value : undefined;
  }
}

/** A token over 256 KB is refused before any decoding, as the size of the request rather than a failed check. */
export function assertNotTooLarge(value: unknown): void {
  const size = typeof value === 'string' ? value.length : JSON.stringify(value ?? null).length;
  if (size > MAX_TOKEN_LENGTH) {
    throw new ProblemException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      TOKEN_TOO_LARGE,
      `The credential is ${size} bytes; at most ${MAX_TOKEN_LENGTH} are accepted.`,
    );
  }
}

function registeredIdentity({ organisationId, name, sector, country }: RegisteredVerifier): VerifierIdentity {
  return { organizationId: organisationId, organization: name, sector, country };
}

/** `X-Verifier-Organization`, `-Sector` (ISIC) and `-Country`: for API callers that send them on every request. */
function verifierFromHeaders(headers: IncomingHttpHeaders): VerifierIdentity | undefined {
  const organization = headerValue(headers, 'x-verifier-organization')?.trim().slice(0, 200);
  const sector = headerValue(headers, 'x-verifier-sector')?.trim().toUpperCase();
  const country = headerValue(headers, 'x-verifier-country')?.trim().toUpperCase();
  const verifier: VerifierIdentity = {};
  if (organization) verifier.organization = organization;
  if (sector && /^[A-U](\d{2}(\d{1,2})?)?$/.test(sector)) verifier.sector = sector;
  if (country && /^[A-Z]{2}$/.test(country)) verifier.country = country;
  return Object.keys(verifier).length > 0 ? verifier : undefined;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

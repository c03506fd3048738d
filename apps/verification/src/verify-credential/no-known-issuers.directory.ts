import type { IssuerDirectory, KnownIssuer } from '@credstream/verification/application';
import type { KnownCredentialStatus } from '@credstream/verification/domain';

/**
 * The {@link IssuerDirectory} until the projection of issuance events exists: it knows no credstream issuer and no
 * revocation, so every credential is checked as an external one (keys from its DID, status from its published list)
 * and credstream's own credentials get the ISSUER_UNKNOWN warning while still verifying.
 * Replaced by the issuance-events projection (issuers, key rotations, revocations) when that lands.
 */
export class NoKnownIssuersDirectory implements IssuerDirectory {
  async findIssuer(_issuerId: string): Promise<KnownIssuer | undefined> {
    return undefined;
  }

  async credentialStatus(_issuerId: string, _credentialId: string): Promise<KnownCredentialStatus | undefined> {
    return undefined;
  }
}

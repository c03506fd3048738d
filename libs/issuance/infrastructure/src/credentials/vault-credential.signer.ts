import type { CredentialSigner, SigningKeyVault } from '@credstream/issuance/application';
import type { JwtSignableCredential } from '@credstream/open-badges';
import { VcJwtSigner } from '../signing/vc-jwt.signer';

/** {@link CredentialSigner} over the key vault and the fast VC-JWT signer (ADR 6). */
export class VaultCredentialSigner implements CredentialSigner {
  private readonly signer: VcJwtSigner;

  constructor(vault: SigningKeyVault) {
    this.signer = new VcJwtSigner(vault);
  }

  sign(
    credential: JwtSignableCredential,
    key: { alg: Parameters<VcJwtSigner['sign']>[1]['alg']; kid: string; keyRef: string },
  ): Promise<string> {
    return this.signer.sign(credential, { alg: key.alg, kid: key.kid }, key.keyRef);
  }

  signAll(
    credentials: readonly JwtSignableCredential[],
    key: { alg: Parameters<VcJwtSigner['sign']>[1]['alg']; kid: string; keyRef: string },
  ): Promise<string[]> {
    return this.signer.signAll(credentials, { alg: key.alg, kid: key.kid }, key.keyRef);
  }
}

import type { CredentialSigner, SigningKeyVault } from '@credstream/issuance/application';
import type { JwtSignableCredential } from '@credstream/open-badges';
import type { SigningThread } from '../signing/signing-thread/signing.thread';
import { type VcJwtHeaderInput, VcJwtSigner } from '../signing/vc-jwt.signer';

/** The issuer key a credential is signed with: its JWT header values and the vault's reference to it. */
type SigningKey = VcJwtHeaderInput & { keyRef: string };

/** {@link CredentialSigner} over the key vault and the fast VC-JWT signer (ADR 6). */
export class VaultCredentialSigner implements CredentialSigner {
  private readonly signer: VcJwtSigner;

  /** `thread` signs bulk batches beside the main thread (see VcJwtSigner). */
  constructor(vault: SigningKeyVault, thread?: SigningThread) {
    this.signer = new VcJwtSigner(vault, { thread });
  }

  sign(credential: JwtSignableCredential, { alg, kid, keyRef }: SigningKey): Promise<string> {
    return this.signer.sign(credential, { alg, kid }, keyRef);
  }

  signAll(credentials: readonly JwtSignableCredential[], { alg, kid, keyRef }: SigningKey): Promise<string[]> {
    return this.signer.signAll(credentials, { alg, kid }, keyRef);
  }
}

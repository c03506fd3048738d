import type { SigningKeyAlgorithm, SigningKeyVault } from '@credstream/issuance/application';
import {
  type JwtSignableCredential,
  credentialJoseHeader,
  credentialJwtPayloadJson,
  encodeJwsHeader,
  jwsSigningInputFromParts,
} from '@credstream/open-badges';

export interface VcJwtHeaderInput {
  alg: SigningKeyAlgorithm;
  /** The exact verification method id in the issuer's DID document, e.g. `did:web:host:issuers:<id>#key-1`. */
  kid: string;
}

/**
 * Signs credentials per the OB 3.0 JSON Web Token proof format: header {alg, kid, typ: "JWT"}, payload the
 * credential itself plus iss/sub/nbf/jti(/exp). Signing goes through the key vault (node:crypto underneath);
 * see ADR 6 for why not did-jwt-vc or jose here.
 */
export class VcJwtSigner {
  /** Encoded headers per (alg, kid): an issuer signs thousands of credentials with the same one. */
  private readonly headers = new Map<string, string>();

  constructor(private readonly vault: SigningKeyVault) {}

  async sign(credential: JwtSignableCredential, header: VcJwtHeaderInput, keyRef: string): Promise<string> {
    const signingInput = jwsSigningInputFromParts(this.encodedHeader(header), credentialJwtPayloadJson(credential));
    const signature = await this.vault.sign(keyRef, Buffer.from(signingInput, 'latin1'));
    return `${signingInput}.${Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64url')}`;
  }

  private encodedHeader({ alg, kid }: VcJwtHeaderInput): string {
    const cacheKey = `${alg} ${kid}`;
    let encoded = this.headers.get(cacheKey);
    if (encoded === undefined) {
      encoded = encodeJwsHeader(credentialJoseHeader(alg, kid));
      if (this.headers.size >= 1_000) this.headers.clear();
      this.headers.set(cacheKey, encoded);
    }
    return encoded;
  }
}

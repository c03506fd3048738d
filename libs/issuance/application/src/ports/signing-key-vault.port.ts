/** Algorithms an issuer key can sign with: ES256 (P-256) by default, RS256 (RSA 2048) as OB 3.0's minimum. */
export type SigningKeyAlgorithm = 'ES256' | 'RS256' | 'EdDSA';

/** A public JSON Web Key (never carries `d` or other private members). */
export type PublicJwk = { kty: string; alg?: string; [member: string]: unknown };

export interface CreatedSigningKey {
  /** Opaque and storable: all the vault needs to sign with the key later. Holds no private key in the clear. */
  keyRef: string;
  alg: SigningKeyAlgorithm;
  publicJwk: PublicJwk;
}

/**
 * Key management for issuer signing keys. The private key never leaves the vault: callers get an opaque
 * reference and signatures. The local adapter keeps keys envelope-encrypted; a cloud KMS can replace it.
 */
export interface SigningKeyVault {
  createKey(alg?: SigningKeyAlgorithm): Promise<CreatedSigningKey>;
  /** Signs `data` with the key; the signature is in JOSE form (ES256: raw r‖s, 64 bytes). */
  sign(keyRef: string, data: Uint8Array): Promise<Uint8Array>;
  publicJwk(keyRef: string): Promise<PublicJwk>;
}

export const SIGNING_KEY_VAULT = Symbol('SIGNING_KEY_VAULT');

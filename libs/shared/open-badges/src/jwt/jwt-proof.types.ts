/** Registered JWT claims the OB 3.0 JSON Web Token proof format maps from the credential. */
export interface CredentialJwtClaims {
  iss: string;
  sub?: string;
  nbf: number;
  jti: string;
  exp?: number;
}

/** The credential shape the JWT mapping needs; OpenBadgeCredential and status list credentials both fit. */
export interface JwtSignableCredential {
  id: string;
  issuer: string | { id: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id?: string; identifier?: { identityHash?: unknown }[] } | object;
  [property: string]: unknown;
}

export type JwtCredentialPayload<C extends JwtSignableCredential = JwtSignableCredential> = C & CredentialJwtClaims;

/** OB 3.0 JOSE header: `alg`, a `kid` that dereferences to the public JWK, `typ` "JWT". No other members. */
export interface CredentialJoseHeader {
  alg: string;
  kid: string;
  typ: 'JWT';
}

export interface JwtProblem {
  /** Stable reason code, e.g. `iss_mismatch`. */
  code: string;
  message: string;
}

import { didKeyFromP256Jwk } from '@credstream/open-badges';
import type { IssuerState, PublicJwk, SigningAlgorithm, SigningKeyStatus } from '@credstream/issuance/domain';

export interface IssuerKeyView {
  kid: string;
  alg: SigningAlgorithm;
  status: SigningKeyStatus;
  publicKeyJwk: PublicJwk;
  /** The same P-256 key as a did:key, for verifiers that work offline (ES256 keys only). */
  didKey?: string;
}

/** An issuer profile as the API shows it: profile, DID, public keys. Never a keyRef. */
export interface IssuerView {
  issuerId: string;
  tenantId: string;
  did: string;
  name: string;
  url?: string;
  email?: string;
  description?: string;
  imageUrl?: string;
  activeKid: string | null;
  keys: IssuerKeyView[];
  /** Stream version: the ETag. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function issuerViewOf(
  state: IssuerState & { issuerId: string },
  version: number,
  times: { createdAt: string; updatedAt: string },
): IssuerView {
  return {
    issuerId: state.issuerId,
    tenantId: state.tenantId,
    did: state.did,
    ...state.profile,
    activeKid: state.activeKid,
    keys: Object.values(state.keys).map(({ kid, alg, status, publicKeyJwk }) => {
      const view: IssuerKeyView = { kid, alg, status, publicKeyJwk };
      const didKey = offlineDidKey(publicKeyJwk);
      if (didKey) view.didKey = didKey;
      return view;
    }),
    version,
    ...times,
  };
}

function offlineDidKey(jwk: PublicJwk): string | undefined {
  if (jwk.kty !== 'EC' || jwk['crv'] !== 'P-256') return undefined;
  return didKeyFromP256Jwk(jwk as { kty: string; crv: string; x: string; y: string });
}

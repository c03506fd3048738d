/** A fresh API key: the secret `token` is returned to its owner once and never stored. */
export interface NewApiKey {
  keyId: string;
  token: string;
  prefix: string;
  /** sha256 hex of the token: the only verifier stored and published. */
  hash: string;
}

export interface ApiKeyGenerator {
  generate(): NewApiKey;
}

export const API_KEY_GENERATOR = Symbol('API_KEY_GENERATOR');

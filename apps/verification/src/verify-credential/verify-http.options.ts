/** HTTP-edge settings of the verification endpoints, from configuration. */
export interface VerifyHttpOptions {
  /** Lower-case header a trusted proxy sets to the client's country; empty: none. */
  countryHeader: string;
  /** Largest JSON request body. */
  jsonBodyLimitBytes: number;
}

export const VERIFY_HTTP_OPTIONS = Symbol('VERIFY_HTTP_OPTIONS');

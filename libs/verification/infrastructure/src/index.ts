/** Adapters of the verification service: implementations of the application ports. */
export * from './http/address-policy';
export * from './http/safe-http.fetcher';
export * from './keys/did-web.key-resolver';
export * from './signature/jose.signature-verifier';
export * from './status/http.status-list-fetcher';
export * from './schema/file-ob3.schema-validator';

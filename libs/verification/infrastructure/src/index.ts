/** Adapters of the verification service: implementations of the application ports. */
export * from './http/address-policy';
export * from './http/safe-http.fetcher';
export * from './keys/did-web.key-resolver';
export * from './signature/jose.signature-verifier';
export * from './status/http.status-list-fetcher';
export * from './schema/file-ob3.schema-validator';
export * from './baked/baked-badge.reader';
export * from './projection/issuer-read-models';
export * from './projection/issuance-events.projection';
export * from './projection/mongo-issuer.directory';
export * from './recording/event-store.verification-recorder';
export * from './baked/baked-badge.baker';
export * from './signature/node-crypto.signature-verifier';
export * from './verifiers/mongo-verifier.directory';

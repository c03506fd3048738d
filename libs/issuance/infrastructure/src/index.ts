/**
 * Adapters of the issuance service: implementations of the application ports (MongoDB, Kafka, ClickHouse, HTTP clients).
 */
export * from './key-vault/aes-gcm-signing-key.vault';
export * from './key-vault/signing-key-vault.error';
export { type SealedSigningKey } from './key-vault/sealed-signing-key';
export * from './signing/vc-jwt.signer';

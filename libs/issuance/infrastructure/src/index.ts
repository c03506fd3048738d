/**
 * Adapters of the issuance service: implementations of the application ports (MongoDB, Kafka, ClickHouse, HTTP clients).
 */
export * from './key-vault/aes-gcm-signing-key.vault';
export * from './key-vault/signing-key-vault.error';
export { type SealedSigningKey } from './key-vault/sealed-signing-key';
export * from './signing/vc-jwt.signer';
export * from './signing/signing-thread/signing.thread';
export * from './read-models/mongo-issuer.read-model';
export * from './read-models/mongo-achievement.read-model';
export * from './credentials/mongo-credential.read-model';
export * from './credentials/event-store-new-streams.writer';
export * from './credentials/vault-credential.signer';
export * from './status-lists/mongo-status-list.repository';
export * from './bulk-issuance/mongo-bulk-job.repository';
export * from './issuance-rules/mongo-issuance-rule.repository';
export * from './schema/ob3-schema-directory.check';

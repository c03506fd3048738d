/**
 * Use cases of the issuance service: command handlers and the ports (interfaces) they need, bound by DI tokens.
 */
export * from './ports/signing-key-vault.port';

export type SigningKeyVaultErrorCode =
  | 'invalid_master_key'
  | 'malformed_key_ref'
  | 'unsupported_version'
  | 'unsupported_algorithm'
  | 'unknown_master_key'
  | 'key_unwrap_failed'
  | 'key_decrypt_failed';

/** A vault failure with a stable code; its message never contains key material. */
export class SigningKeyVaultError extends Error {
  override readonly name = 'SigningKeyVaultError';
  constructor(
    readonly code: SigningKeyVaultErrorCode,
    message: string,
  ) {
    super(message);
  }
}

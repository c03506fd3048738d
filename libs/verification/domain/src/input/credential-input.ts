/** What a verifier can hand us. Baked images are unpacked by infrastructure before the checks run. */
export type CredentialInput =
  /** A compact VC-JWT (VCDM 2.0 payload, or VCDM 1.1 with a `vc` claim), or JSON text of a credential. */
  | { kind: 'text'; text: string }
  /** A parsed JSON document: an EnvelopedVerifiableCredential, or a credential with an embedded proof. */
  | { kind: 'json'; document: unknown }
  /** A baked badge: PNG with an `openbadgecredential` iTXt chunk, or SVG with `<openbadges:credential>`. */
  | { kind: 'baked-image'; mediaType: 'image/png' | 'image/svg+xml'; bytes: Uint8Array };

/** A VCALM `verifiableCredential` value (a string or an object) as a {@link CredentialInput}. */
export function credentialInputFrom(value: unknown): CredentialInput {
  return typeof value === 'string' ? { kind: 'text', text: value } : { kind: 'json', document: value };
}
